import ar from '../messages/ar.json';
import en from '../messages/en.json';
import type { Locale } from './locales';

export type Messages = typeof ar;

const catalogues: Record<Locale, Messages> = { ar, en };

export function loadMessages(locale: Locale): Messages {
  return catalogues[locale];
}
