import { isLocale, type Locale } from './locales';

/**
 * Awaits a route's `params` and returns its locale. Routes are generated only for published
 * locales (`dynamicParams = false`), so anything else is a programming error.
 */
export async function localeParam(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) throw new Error(`Unknown locale "${locale}" in route parameters`);
  return locale;
}
