import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { locales } from '@/i18n/locales';
import { loadMessages } from '@/i18n/messages';
import { sections } from '@/lib/content/sections';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

describe('message catalogues', () => {
  const flat = Object.fromEntries(locales.map((locale) => [locale, flatten(loadMessages(locale) as Tree)]));

  it('have identical key sets', () => {
    expect(Object.keys(flat.en).sort()).toEqual(Object.keys(flat.ar).sort());
  });

  it('have no empty strings', () => {
    for (const locale of locales) {
      for (const [key, value] of Object.entries(flat[locale])) expect(value.trim(), `${locale}: ${key}`).not.toBe('');
    }
  });

  it('write Arabic strings in Arabic script, not transliteration', () => {
    for (const [key, value] of Object.entries(flat.ar)) {
      expect(/[\u0600-\u06FF]/.test(value), `ar: ${key} = ${value}`).toBe(true);
    }
  });

  it('parse as ICU messages with the same placeholders in both languages', () => {
    const placeholders = (message: string) => [...new Set([...message.matchAll(/\{(\w+)[,}]/g)].map((match) => match[1]))].sort();
    for (const [key, value] of Object.entries(flat.ar)) {
      for (const locale of locales) expect(() => new IntlMessageFormat(flat[locale][key], locale), `${locale}: ${key}`).not.toThrow();
      expect(placeholders(flat.en[key]), key).toEqual(placeholders(value));
    }
  });

  it('name every section in both languages', () => {
    for (const locale of locales) {
      for (const section of sections) expect(loadMessages(locale).Sections[section], `${locale}: ${section}`).toBeTruthy();
    }
  });
});
