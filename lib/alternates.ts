import { otherLocales, type Locale } from '@/i18n/locales';
import type { Story } from './content/load';
import { paths } from './urls';

export type Alternate = { locale: Locale; path: string; sameStory: boolean };

/**
 * Where the language switcher sends a reader of `story` in `locale`: the same story in each
 * other language where it exists, otherwise that language's front page.
 */
export function storyAlternates(story: Story, locale: Locale): Alternate[] {
  return otherLocales(locale).map((other) =>
    story.versions[other]
      ? { locale: other, path: paths.story(other, story.slug), sameStory: true }
      : { locale: other, path: paths.home(other), sameStory: false },
  );
}

export function homeAlternates(locale: Locale): Alternate[] {
  return otherLocales(locale).map((other) => ({ locale: other, path: paths.home(other), sameStory: true }));
}

/**
 * Alternates of a page that may exist in the other languages: `equivalent(other)` returns the
 * same page's path there when it has content (a reciprocal `hreflang` target), `fallback`
 * where the switcher should go otherwise.
 */
export function pageAlternates(
  locale: Locale,
  equivalent: (other: Locale) => string | null,
  fallback: (other: Locale) => string = paths.home,
): Alternate[] {
  return otherLocales(locale).map((other) => {
    const path = equivalent(other);
    return path ? { locale: other, path, sameStory: true } : { locale: other, path: fallback(other), sameStory: false };
  });
}
