import { createTranslator } from 'next-intl';
import type { Locale } from './locales';
import { loadMessages, type Messages } from './messages';

/**
 * The messages of one group (`Header`, `StoryPage`...) in one language, synchronously. Every
 * component translates through this rather than next-intl's request-bound `getTranslations`,
 * so a component renders the same inside Next and in the story-page renderer that runs
 * after the export (lib/export/story-pages.ts), which has no request.
 *
 * One translator per language and group for the whole process: a translator keeps the
 * messages it has parsed, and making a new one for every component rendered (twenty story
 * cards on a listing page) parsed the same messages again each time, about 2.5 ms of every
 * page rendered after the export.
 */
export function translator<Group extends keyof Messages>(locale: Locale, group: Group) {
  const key = `${locale}\0${group}`;
  let made = translators.get(key);
  if (!made) {
    made = createTranslator({ locale, messages: loadMessages(locale), namespace: group });
    translators.set(key, made);
  }
  return made as ReturnType<typeof createTranslator<Messages, Group>>;
}

const translators = new Map<string, unknown>();
