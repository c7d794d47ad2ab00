import type { Locale } from '@/i18n/locales';
import { loadMessages } from '@/i18n/messages';
import { sections } from './content/sections';
import { sectionName } from './taxonomy';
import { paths } from './urls';

/**
 * The links of the header's primary navigation, in order: the front page, every section and
 * search. Labels come from the message catalogues. Only pages the export contains belong here:
 * the navigation test follows every link.
 */
export type NavigationItem = { path: string; label: string };

export function primaryNavigation(locale: Locale): NavigationItem[] {
  const header = loadMessages(locale).Header;
  return [
    { path: paths.home(locale), label: header.frontPage },
    ...sections.map((section) => ({ path: paths.section(locale, section), label: sectionName(locale, section) })),
    { path: paths.search(locale), label: header.search },
  ];
}
