import type { Metadata } from 'next';
import { Breadcrumbs } from '@/components/layout/Breadcrumbs';
import { PageShell } from '@/components/layout/PageShell';
import { translator } from '@/i18n/translator';
import { formatNumber } from '@/lib/format/date';
import { getListing, isIndexable, listingAlternates, listingPage, listingTrail, type ListingPageRef } from '@/lib/listing/listings';
import { pageMetadata } from '@/lib/metadata';
import { StoryListing } from './StoryListing';

/**
 * A listing page's metadata and content, as plain synchronous functions of the page. Next
 * renders them through components/listing/listing-route.tsx; after the export,
 * lib/export/render-stories.tsx renders the same components for the listing pages Next was
 * not asked to render, and checks its output against Next's own pages.
 */

function describe({ kind, locale, id, page }: ListingPageRef) {
  const listing = getListing(kind, locale, id);
  const t = translator(locale, kind === 'section' ? 'SectionPage' : 'TagPage');
  const pagination = translator(locale, 'Pagination');
  const pageLabel = pagination('page', { n: formatNumber(page, locale) });
  const title = page > 1 ? pagination('pageTitle', { name: listing.name, n: formatNumber(page, locale) }) : listing.name;
  return { listing, t, title, pageLabel };
}

/**
 * A listing page's metadata and content, as plain synchronous functions of the page: Next
 * renders them through the routes below, and the post-export step renders the same for the
 * listing pages Next was not asked to render (lib/export/story-pages.ts).
 */
export function listingPageMetadata(ref: ListingPageRef): Metadata {
  const { kind, locale, page } = ref;
  const { listing, t, title } = describe(ref);
  const description = kind === 'section' ? t('description', { section: listing.name }) : t('description', { tag: listing.name });
  return pageMetadata({
    locale,
    title,
    description,
    path: listing.pathFor(page),
    alternates: listingAlternates(listing, page),
    noindex: !isIndexable(listing),
  });
}

export function ListingPageContent(ref: ListingPageRef) {
  const { locale, page } = ref;
  const { listing, t, title, pageLabel } = describe(ref);
  return (
    <PageShell locale={locale} alternates={listingAlternates(listing, page)} currentPath={listing.pathFor(page)}>
      <Breadcrumbs locale={locale} trail={listingTrail(listing, page, pageLabel)} />
      <StoryListing locale={locale} title={title} listing={listingPage(listing, page)} empty={t('empty')} pathFor={listing.pathFor} />
    </PageShell>
  );
}

