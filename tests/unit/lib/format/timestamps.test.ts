import { describe, expect, it } from 'vitest';
import { isoDateTime, latestDate, rfc822DateTime } from '@/lib/format/timestamps';

describe('timestamps', () => {
  it('writes a story date as an RFC 3339 date-time at the start of the day, UTC', () => {
    expect(isoDateTime('2026-11-28')).toBe('2026-11-28T00:00:00Z');
  });

  it('writes RFC 822 dates with the right day of the week', () => {
    expect(rfc822DateTime('2026-11-28')).toBe('Sat, 28 Nov 2026 00:00:00 GMT');
    expect(rfc822DateTime('2024-02-29')).toBe('Thu, 29 Feb 2024 00:00:00 GMT');
  });

  it('refuses anything but a calendar date', () => {
    expect(() => isoDateTime('28/11/2026')).toThrow(/YYYY-MM-DD/);
  });

  it('picks the latest of several optional dates', () => {
    expect(latestDate(['2026-01-02', undefined, '2026-03-01', '2025-12-31'])).toBe('2026-03-01');
    expect(latestDate([])).toBeUndefined();
  });
});
