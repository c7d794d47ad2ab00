/**
 * Machine-readable timestamps of a story's calendar dates. Front matter gives a day, not a
 * time, so a story counts as published at the start of that day in UTC: every consumer
 * (feeds, structured data, Open Graph, sitemap) sees the same instant.
 */

function startOfDay(isoDate: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`expected a date written YYYY-MM-DD, found "${isoDate}"`);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** ISO 8601 / RFC 3339 date-time with its time zone: `2026-11-28T00:00:00Z` (Atom, JSON-LD, sitemap). */
export function isoDateTime(isoDate: string): string {
  return startOfDay(isoDate).toISOString().replace('.000Z', 'Z');
}

/** RFC 822 date-time as RSS 2.0 requires: `Sat, 28 Nov 2026 00:00:00 GMT`. */
export function rfc822DateTime(isoDate: string): string {
  return startOfDay(isoDate).toUTCString();
}

/** The later of two optional calendar dates. */
export function latestDate(dates: readonly (string | undefined)[]): string | undefined {
  return dates.filter((date): date is string => Boolean(date)).sort().at(-1);
}
