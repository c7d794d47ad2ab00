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

// Building a formatter costs far more than using one (ICU loads the locale's data), and a
// listing page formats dozens of dates: one formatter per locale and calendar.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a `YYYY-MM-DD` calendar date for a locale, in one calendar (Gregorian by default). */
export function formatDate(isoDate: string, locale: Locale, calendar: Calendar = 'gregory'): string {
  const tag = intlLocale(locale, calendar);
  let format = dateFormats.get(tag);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(tag, format);
  }
  return format.format(toUtcDate(isoDate));
}

/** The date in every calendar the locale shows, primary first (Arabic: Gregorian, then Hijri). */
export function formatDateInCalendars(isoDate: string, locale: Locale): FormattedDate[] {
  return getLocaleFacts(locale).calendars.map((calendar) => ({ calendar, text: formatDate(isoDate, locale, calendar) }));
}

/** Formats an integer in the locale's numbering system. */
export function formatNumber(value: number, locale: Locale): string {
  const tag = intlLocale(locale);
  let format = numberFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag, { useGrouping: true });
    numberFormats.set(tag, format);
  }
  return format.format(value);
}
