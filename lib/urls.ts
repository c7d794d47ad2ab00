import type { Locale } from '@/i18n/locales';
import { basePath, siteUrl } from './config';

/** `/page/N/` for every page of a listing after the first; the first page has no suffix. */
function pageSuffix(page: number): string {
  return page > 1 ? `page/${page}/` : '';
}

/** Site-relative paths, with the trailing slash every exported page has. */
export const paths = {
  home: (locale: Locale) => `/${locale}/`,
  story: (locale: Locale, slug: string) => `/${locale}/news/${slug}/`,
  sections: (locale: Locale) => `/${locale}/sections/`,
  section: (locale: Locale, section: string, page = 1) => `/${locale}/sections/${section}/${pageSuffix(page)}`,
  tags: (locale: Locale) => `/${locale}/tags/`,
  tag: (locale: Locale, tag: string, page = 1) => `/${locale}/tags/${tag}/${pageSuffix(page)}`,
  search: (locale: Locale) => `/${locale}/search/`,
  rss: (locale: Locale) => `/${locale}/feed.xml`,
  atom: (locale: Locale) => `/${locale}/atom.xml`,
  /** The story's social card, rendered after the export beside its page. */
  storyCard: (locale: Locale, slug: string) => `/${locale}/news/${slug}/card.png`,
  /** The card of every page that has none of its own. */
  siteCard: (locale: Locale) => `/${locale}/card.png`,
  /** The publisher's square logo (structured data). */
  logo: () => '/logo.png',
  sitemap: () => '/sitemap.xml',
};

/** A link target inside the site, prefixed with the base path the site is served under. */
export function href(path: string): string {
  return `${basePath}${path}`;
}

/** The absolute URL of a site path, for canonical links, feeds and sitemaps. */
export function absoluteUrl(path: string): string {
  return `${siteUrl}${basePath}${path}`;
}
