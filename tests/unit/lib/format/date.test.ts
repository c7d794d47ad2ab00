import { describe, expect, it } from 'vitest';
import { formatDate, formatDateInCalendars, formatNumber } from '@/lib/format/date';

describe('dates', () => {
  it('writes the Gregorian date in Arabic with Arabic-Indic digits', () => {
    expect(formatDate('2026-11-28', 'ar')).toBe('٢٨ نوفمبر ٢٠٢٦');
  });

  it('adds the Hijri (Umm al-Qura) date on Arabic pages', () => {
    expect(formatDateInCalendars('2026-11-28', 'ar')).toEqual([
      { calendar: 'gregory', text: '٢٨ نوفمبر ٢٠٢٦' },
      { calendar: 'islamic-umalqura', text: '١٨ جمادى الآخرة ١٤٤٨ هـ' },
    ]);
  });

  it('writes English dates with Latin digits and only the Gregorian calendar', () => {
    expect(formatDateInCalendars('2026-11-28', 'en')).toEqual([{ calendar: 'gregory', text: 'November 28, 2026' }]);
  });

  it('does not shift the date with the time zone', () => {
    expect(formatDate('2026-01-01', 'en')).toBe('January 1, 2026');
  });

  it('formats numbers in the locale numbering system', () => {
    expect(formatNumber(1234, 'ar')).toBe('١٬٢٣٤');
    expect(formatNumber(1234, 'en')).toBe('1,234');
  });
});
