import { getLocaleFacts, type Locale } from '@/i18n/locales';
import { formatNumber } from './date';

export type ReadingTime = {
  /** Whole minutes, at least one: selects the plural form. */
  count: number;
  /** The same number written in the locale's numbering system. */
  n: string;
};

/** Estimated minutes to read `words` words at the locale's reading speed. */
export function readingTime(words: number, locale: Locale): ReadingTime {
  const count = Math.max(1, Math.round(words / getLocaleFacts(locale).wordsPerMinute));
  return { count, n: formatNumber(count, locale) };
}
