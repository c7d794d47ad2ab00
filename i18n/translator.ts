import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
import { loadMessages, type Messages } from './messages';

/**
 * The messages of one group (`Header`, `StoryPage`...) in one language, synchronously. Every
 * component translates through this rather than next-intl's request-bound `getTranslations`,
 * so a component renders the same inside Next and in the story-page renderer that runs
 * after the export (lib/export/story-pages.ts), which has no request.
 */
export function translator<Group extends keyof Messages>(locale: Locale, group: Group) {
  return createTranslator({ locale, messages: loadMessages(locale), namespace: group });
}
