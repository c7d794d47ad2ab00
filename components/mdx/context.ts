import { createTranslator } from 'next-intl';
import type { Locale } from '@/i18n/locales';
import { loadMessages, type Messages } from '@/i18n/messages';

/** What the kit needs to know about the story it renders: its language and its folder. */
export type StoryContext = {
  locale: Locale;
  slug: string;
  /** Absolute path of the story folder, where its images live. */
  dir: string;
};

/** Translations for a kit component, by message group (named after the component). */
export function kitTranslator<Group extends keyof Messages>(locale: Locale, group: Group) {
  return createTranslator({ locale, messages: loadMessages(locale), namespace: group });
}
