import type { Locale } from '@/i18n/locales';
import { paths } from './urls';

/**
 * The links of the header's primary navigation, in order. Each label is a message key under
 * `Header`. Only pages the export contains belong here: the navigation test follows every link.
 */
export type NavigationItem = { key: 'frontPage'; path: string };

export function primaryNavigation(locale: Locale): NavigationItem[] {
  return [{ key: 'frontPage', path: paths.home(locale) }];
}
