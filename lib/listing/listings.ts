import type { Locale } from '@/i18n/locales';
import { loadMessages } from '@/i18n/messages';
import { pageAlternates, type Alternate } from '../alternates';
import { pageSize } from '../config';
import { localeIndex } from '../content/indexes';
import type { ArticleVersion } from '../content/load';
import { sections, type Section } from '../content/sections';
import type { Crumb } from '../seo/json-ld';
import { sectionName, tagIds, tagName } from '../taxonomy';
import { paths } from '../urls';
import { pageCount, paginate, type PageOf } from './paginate';

/**
 * Section and tag listings share everything but their vocabulary: one description of a
 * listing drives both routes, their metadata, alternates, breadcrumbs and the sitemap.
 */
export type ListingKind = 'section' | 'tag';

export type Listing = {
  kind: ListingKind;
  id: string;
  locale: Locale;
  /** The section's or tag's name in the listing's language. */
  name: string;
  stories: ArticleVersion[];
  totalPages: number;
  pathFor: (page: number) => string;
};

function asSection(id: string): Section {
  const section = sections.find((candidate) => candidate === id);
  if (!section) throw new Error(`"${id}" is not a section: expected one of ${sections.join(', ')}`);
  return section;
}

const kinds = {
  section: {
    ids: (): readonly string[] => sections,
    stories: (locale: Locale, id: string) => localeIndex(locale).bySection.get(asSection(id)) ?? [],
    name: (locale: Locale, id: string) => sectionName(locale, asSection(id)),
    path: paths.section,
    index: paths.sections,
    indexName: (locale: Locale) => loadMessages(locale).SectionsIndex.title,
  },
  tag: {
    ids: tagIds,
    stories: (locale: Locale, id: string) => localeIndex(locale).byTag.get(id) ?? [],
    name: tagName,
    path: paths.tag,
    index: paths.tags,
    indexName: (locale: Locale) => loadMessages(locale).TagsIndex.title,
  },
} as const;

/** Every section, and every tag of the vocabulary, has a listing in every language. */
export function listingIds(kind: ListingKind): readonly string[] {
  return kinds[kind].ids();
}

export function isListingId(kind: ListingKind, id: string): boolean {
  return listingIds(kind).includes(id);
}

export function getListing(kind: ListingKind, locale: Locale, id: string): Listing {
  if (!isListingId(kind, id)) throw new Error(`"${id}" is not a ${kind}`);
  const facts = kinds[kind];
  const stories = facts.stories(locale, id);
  return {
    kind,
    id,
    locale,
    name: facts.name(locale, id),
    stories,
    totalPages: pageCount(stories.length, pageSize),
    pathFor: (page) => facts.path(locale, id, page),
  };
}

/** One page of one listing in one language: what a listing page is a function of. */
export type ListingPageRef = { kind: ListingKind; locale: Locale; id: string; page: number };

/** Every page of every listing of `kind` in `locale`, in address order. */
export function listingPageRefs(kind: ListingKind, locale: Locale): ListingPageRef[] {
  return listingIds(kind).flatMap((id) =>
    Array.from({ length: getListing(kind, locale, id).totalPages }, (_, index) => ({ kind, locale, id, page: index + 1 })),
  );
}

export function listingPage(listing: Listing, page: number): PageOf<ArticleVersion> {
  return paginate(listing.stories, page, pageSize);
}

/** Listing pages worth indexing: those with stories (an empty listing is kept out of search engines). */
export function isIndexable(listing: Listing): boolean {
  return listing.stories.length > 0;
}

/**
 * The same page of the listing in the other languages, where it has stories; otherwise the
 * switcher goes to that language's first page of the listing.
 */
export function listingAlternates(listing: Listing, page: number): Alternate[] {
  return pageAlternates(
    listing.locale,
    (other) => {
      const there = getListing(listing.kind, other, listing.id);
      return isIndexable(there) && page <= there.totalPages ? there.pathFor(page) : null;
    },
    (other) => getListing(listing.kind, other, listing.id).pathFor(1),
  );
}

/** Front page, the index of sections (or tags), the listing, and its page when past the first. */
export function listingTrail(listing: Listing, page: number, pageLabel: string): Crumb[] {
  const { locale } = listing;
  const trail: Crumb[] = [
    { name: loadMessages(locale).Breadcrumbs.home, path: paths.home(locale) },
    { name: kinds[listing.kind].indexName(locale), path: kinds[listing.kind].index(locale) },
    { name: listing.name, path: listing.pathFor(1) },
  ];
  if (page > 1) trail.push({ name: pageLabel, path: listing.pathFor(page) });
  return trail;
}
