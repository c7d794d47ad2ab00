import { locales, type Locale } from '@/i18n/locales';
import { homeAlternates, pageAlternates, storyAlternates, type Alternate } from '../alternates';
import { localeIndex } from '../content/indexes';
import { loadStories, type ArticleVersion } from '../content/load';
import { isoDateTime, latestDate } from '../format/timestamps';
import { getListing, isIndexable, listingAlternates, listingIds, listingPage, type ListingKind } from '../listing/listings';
import { hreflangUrls } from '../metadata';
import { absoluteUrl, paths } from '../urls';

/** One `<url>` of the sitemap: the page, when it last changed, and its language versions. */
export type SitemapEntry = {
  url: string;
  /** RFC 3339 date-time of the newest change to what the page shows. */
  lastModified?: string;
  /** `hreflang` code (and `x-default`) to absolute URL, the same set as the page head. */
  languages: Record<string, string>;
};

const newest = (versions: readonly ArticleVersion[]) =>
  latestDate(versions.map((version) => version.frontmatter.updated ?? version.frontmatter.date));

function entry(locale: Locale, path: string, alternates: Alternate[], versions: readonly ArticleVersion[]): SitemapEntry {
  const changed = newest(versions);
  return {
    url: absoluteUrl(path),
    ...(changed ? { lastModified: isoDateTime(changed) } : {}),
    languages: hreflangUrls(locale, path, alternates),
  };
}

function listingEntries(kind: ListingKind, locale: Locale): SitemapEntry[] {
  return listingIds(kind).flatMap((id) => {
    const listing = getListing(kind, locale, id);
    if (!isIndexable(listing)) return [];
    return Array.from({ length: listing.totalPages }, (_, index) => {
      const page = index + 1;
      return entry(locale, listing.pathFor(page), listingAlternates(listing, page), listingPage(listing, page).items);
    });
  });
}

/**
 * Every indexable page of the site: front pages, stories, the section and tag indexes and
 * every page of every non-empty listing. Pages kept out of search engines (empty listings,
 * the search page, the language chooser at `/`, the 404 page) are left out.
 */
export function sitemapEntries(): SitemapEntry[] {
  const stories = loadStories();
  const bySlug = new Map(stories.map((story) => [story.slug, story]));
  return locales.flatMap((locale) => {
    const index = localeIndex(locale, stories);
    return [
      entry(locale, paths.home(locale), homeAlternates(locale), index.stories),
      ...index.stories.map((version) => {
        const alternates = storyAlternates(bySlug.get(version.slug)!, locale);
        return entry(locale, paths.story(locale, version.slug), alternates, [version]);
      }),
      entry(locale, paths.sections(locale), pageAlternates(locale, paths.sections), index.stories),
      ...listingEntries('section', locale),
      entry(locale, paths.tags(locale), pageAlternates(locale, paths.tags), index.stories),
      ...listingEntries('tag', locale),
    ];
  });
}
