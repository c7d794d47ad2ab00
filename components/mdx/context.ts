import type { Locale } from '@/i18n/locales';

/** What the kit needs to know about the story it renders: its language and its folder. */
export type StoryContext = {
  locale: Locale;
  slug: string;
  /** Absolute path of the story folder, where its images live. */
  dir: string;
};
