import type { Locale } from '@/i18n/locales';

/**
 * Site-wide settings. The name is a proper noun written in each language; the base URL
 * comes from the environment so the same build can be published anywhere.
 */
export const siteName: Record<Locale, string> = {
  ar: 'صدى',
  en: 'Sada',
};

/** Absolute origin of the published site, without a trailing slash. */
export const siteUrl = (process.env.SITE_URL ?? 'http://localhost:3000').replace(/\/+$/, '');

/**
 * Path under which the site is served (for a project site such as https://owner.github.io/repo/),
 * without a trailing slash: '' or '/repo'.
 */
export const basePath = normaliseBasePath(process.env.BASE_PATH ?? '');

/** Stories per page on section and tag listings. */
export const pageSize = 10;

/** Related stories shown at the end of a story. */
export const relatedCount = 4;

/** Newest stories carried, in full, by each language's RSS and Atom feeds. */
export const feedSize = 20;

export function normaliseBasePath(value: string): string {
  const trimmed = value.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}` : '';
}
