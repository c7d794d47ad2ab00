import { getLocaleFacts, intlLocale, type Locale, type LocaleFacts } from '@/i18n/locales';

type Calendar = LocaleFacts['calendars'][number];

export type FormattedDate = {
  calendar: Calendar;
  /** The date as a reader of the locale writes it, in the locale's numbering system. */
  text: string;
};

function toUtcDate(isoDate: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** Formats a `YYYY-MM-DD` calendar date for a locale, in one calendar (Gregorian by default). */
export function formatDate(isoDate: string, locale: Locale, calendar: Calendar = 'gregory'): string {
  return new Intl.DateTimeFormat(intlLocale(locale, calendar), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(toUtcDate(isoDate));
}

/** The date in every calendar the locale shows, primary first (Arabic: Gregorian, then Hijri). */
export function formatDateInCalendars(isoDate: string, locale: Locale): FormattedDate[] {
  return getLocaleFacts(locale).calendars.map((calendar) => ({ calendar, text: formatDate(isoDate, locale, calendar) }));
}

/** Formats an integer in the locale's numbering system. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { useGrouping: true }).format(value);
}
