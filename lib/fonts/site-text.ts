import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getLocaleFacts, locales, type Locale } from '@/i18n/locales';
import { loadMessages } from '@/i18n/messages';
import { siteName } from '@/lib/config';
import { contentDir, isDirectory } from '@/lib/content/load';
import { formatDate } from '@/lib/format/date';

/**
 * Every string the site can show, per language: the stories in the content folder (front
 * matter and body), the message catalogues, the site's names and language labels, and every
 * month name the date formatter can produce. The font subsets are cut to these characters
 * (plus a safety set), so a new story with a rare letter gets it in the next build.
 */
export function siteText(root: string = contentDir()): Record<Locale, string> {
  const parts: Record<Locale, string[]> = { ar: [], en: [] };
  for (const locale of locales) {
    parts[locale].push(...strings(loadMessages(locale)), ...calendarText(locale));
    // Names and labels appear on every page, whatever its language.
    for (const other of locales) parts[locale].push(siteName[other], getLocaleFacts(other).label);
  }
  const articles = path.join(root, 'articles');
  for (const slug of readdirSync(articles).sort()) {
    const folder = path.join(articles, slug);
    if (!isDirectory(folder)) continue;
    for (const locale of locales) {
      const file = path.join(folder, `${locale}.mdx`);
      try {
        parts[locale].push(readFileSync(file, 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
  }
  return { ar: parts.ar.join('\n'), en: parts.en.join('\n') };
}

function strings(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree];
  if (tree && typeof tree === 'object') return Object.values(tree).flatMap(strings);
  return [];
}

/** Dates across a whole year in every calendar the locale shows: every month name and era mark. */
function calendarText(locale: Locale): string[] {
  return getLocaleFacts(locale).calendars.flatMap((calendar) =>
    Array.from({ length: 13 }, (_, index) => {
      const day = new Date(Date.UTC(2026, 0, 15 + index * 29.5)).toISOString().slice(0, 10);
      return formatDate(day, locale, calendar);
    }),
  );
}
