import { locales, type Locale } from '@/i18n/locales';
import { loadMessages } from '@/i18n/messages';
import type { Section } from './content/sections';

/**
 * Display names of sections and tags, from the message catalogues. The loader has already
 * rejected any tag without a name in every catalogue, so a miss here is a programming error.
 */
export function sectionName(locale: Locale, section: Section): string {
  return loadMessages(locale).Sections[section];
}

export function tagName(locale: Locale, tag: string): string {
  const tags: Record<string, string> = loadMessages(locale).Tags;
  const name = tags[tag];
  if (name === undefined) throw new Error(`Tag "${tag}" has no name in messages/${locale}.json`);
  return name;
}

/** The tag vocabulary: every tag named in all catalogues, in catalogue order. */
export function tagIds(): string[] {
  const [first, ...rest] = locales.map((locale) => Object.keys(loadMessages(locale).Tags));
  return first.filter((tag) => rest.every((names) => names.includes(tag)));
}

/** Sorts tags by their names as a reader of the language alphabetises them. */
export function sortTagsByName(locale: Locale, tags: readonly string[]): string[] {
  const collator = new Intl.Collator(locale);
  return [...tags].sort((a, b) => collator.compare(tagName(locale, a), tagName(locale, b)));
}
