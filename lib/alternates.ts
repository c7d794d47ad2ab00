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
