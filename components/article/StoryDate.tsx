import type { Locale } from '@/i18n/locales';
import { formatDateInCalendars } from '@/lib/format/date';

/**
 * A calendar date in every calendar the locale shows: on Arabic pages the Gregorian date
 * followed by the Hijri (Umm al-Qura) date.
 */
export function StoryDate({ date, locale, hijriLabel }: { date: string; locale: Locale; hijriLabel: string }) {
  const [primary, ...others] = formatDateInCalendars(date, locale);
  return (
    <>
      <time dateTime={date}>{primary.text}</time>
      {others.map((other) => (
        <span key={other.calendar} className="secondary-date" data-calendar={other.calendar}>
          {' '}
          ({hijriLabel} {other.text})
        </span>
      ))}
    </>
  );
}
