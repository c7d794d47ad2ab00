import { describe, expect, it } from 'vitest';
import { defaultLocale, directionOf, getLocaleFacts, intlLocale, isLocale, locales, otherLocales } from '@/i18n/locales';

describe('locale facts', () => {
  it('publishes Arabic by default, right to left, and English left to right', () => {
    expect(defaultLocale).toBe('ar');
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en')).toBe('ltr');
  });

  it('labels each language in its own language', () => {
    expect(getLocaleFacts('ar').label).toBe('العربية');
    expect(getLocaleFacts('en').label).toBe('English');
  });

  it('gives every locale an Open Graph locale, a numbering system and at least one calendar', () => {
    for (const locale of locales) {
      const facts = getLocaleFacts(locale);
      expect(facts.ogLocale).toMatch(/^[a-z]{2}_[A-Z]{2}$/);
      expect(['arab', 'latn']).toContain(facts.numberingSystem);
      expect(facts.calendars[0]).toBe('gregory');
    }
    expect(getLocaleFacts('ar').calendars).toContain('islamic-umalqura');
  });

  it('builds Intl tags with an explicit numbering system so server and browser agree', () => {
    expect(intlLocale('ar')).toBe('ar-u-nu-arab');
    expect(intlLocale('ar', 'islamic-umalqura')).toBe('ar-u-ca-islamic-umalqura-nu-arab');
    expect(intlLocale('en')).toBe('en-u-nu-latn');
  });

  it('recognises only published locales', () => {
    expect(isLocale('ar')).toBe(true);
    expect(isLocale('fr')).toBe(false);
    expect(isLocale(undefined)).toBe(false);
    expect(otherLocales('ar')).toEqual(['en']);
  });
});
