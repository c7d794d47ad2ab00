import type { Locale } from '@/i18n/locales';
import { basePath, siteUrl } from './config';

/** Site-relative paths, with the trailing slash every exported page has. */
export const paths = {
  home: (locale: Locale) => `/${locale}/`,
  story: (locale: Locale, slug: string) => `/${locale}/news/${slug}/`,
};

/** A link target inside the site, prefixed with the base path the site is served under. */
export function href(path: string): string {
  return `${basePath}${path}`;
}

/** The absolute URL of a site path, for canonical links, feeds and sitemaps. */
export function absoluteUrl(path: string): string {
  return `${siteUrl}${basePath}${path}`;
}
