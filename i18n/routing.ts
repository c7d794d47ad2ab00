import { defineRouting } from 'next-intl/routing';
import { defaultLocale, locales } from './locales';

export const routing = defineRouting({
  locales,
  defaultLocale,
  // A static export has no middleware to negotiate a locale, so every URL names its locale.
  localePrefix: 'always',
});
