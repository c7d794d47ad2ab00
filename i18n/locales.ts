/**
 * The single source of truth for every fact about a locale the site publishes in.
 * Nothing else in the code base spells a locale code, a direction or a label:
 * import from here.
 */

export type Direction = 'rtl' | 'ltr';

export type LocaleFacts = {
  /** BCP 47 code used in URLs, `<html lang>` and `hreflang`. */
  code: string;
  /** Writing direction of the language, for `<html dir>` and scoped `dir`. */
  direction: Direction;
  /** The language's name in its own language, shown in the language switcher. */
  label: string;
  /** Open Graph locale (`og:locale`). */
  ogLocale: string;
  /** Unicode numbering system used for every number and date on pages of this locale. */
  numberingSystem: 'arab' | 'latn';
  /** Calendars in which dates are shown, the first one being the primary date. */
  calendars: readonly ('gregory' | 'islamic-umalqura')[];
  /** Average silent reading speed for news prose, used for reading-time estimates. */
  wordsPerMinute: number;
};

export const locales = ['ar', 'en'] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = 'ar';

export const localeFacts: Record<Locale, LocaleFacts> = {
  ar: {
    code: 'ar',
    direction: 'rtl',
    label: 'العربية',
    ogLocale: 'ar_AR',
    numberingSystem: 'arab',
    calendars: ['gregory', 'islamic-umalqura'],
    wordsPerMinute: 180,
  },
  en: {
    code: 'en',
    direction: 'ltr',
    label: 'English',
    ogLocale: 'en_US',
    numberingSystem: 'latn',
    calendars: ['gregory'],
    wordsPerMinute: 230,
  },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function getLocaleFacts(locale: Locale): LocaleFacts {
  return localeFacts[locale];
}

export function directionOf(locale: Locale): Direction {
  return localeFacts[locale].direction;
}

/** The other published languages, in catalogue order: the targets of the language switcher. */
export function otherLocales(locale: Locale): Locale[] {
  return locales.filter((candidate) => candidate !== locale);
}

/**
 * The Intl locale tag carrying the locale's explicit numbering system (and optionally a
 * calendar), so server and browser format numbers and dates identically whatever their defaults.
 */
export function intlLocale(locale: Locale, calendar?: LocaleFacts['calendars'][number]): string {
  const facts = localeFacts[locale];
  const extensions = [calendar ? `ca-${calendar}` : null, `nu-${facts.numberingSystem}`].filter(Boolean);
  return `${facts.code}-u-${extensions.join('-')}`;
}
