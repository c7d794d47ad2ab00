import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { translator } from '@/i18n/translator';
import { Breadcrumbs } from '@/components/layout/Breadcrumbs';
import { PageShell } from '@/components/layout/PageShell';
import { isLocale, type Locale } from '@/i18n/locales';
import { formatNumber } from '@/lib/format/date';
import {
  getListing,
  isIndexable,
  isListingId,
  listingAlternates,
  listingIds,
  listingPage,
  listingTrail,
  type ListingKind,
} from '@/lib/listing/listings';
import { pageSegments, parsePageSegments } from '@/lib/listing/paginate';
import { pageMetadata } from '@/lib/metadata';
import { StoryListing } from './StoryListing';

/**
 * The two listing routes (`/{locale}/sections/{section}/` and `/{locale}/tags/{tag}/`, each
 * with `page/N/`) are one implementation: `[[...page]]` catches the page suffix, so the
 * first page and every later page come from the same route and the route always has at
 * least one page to generate.
 */

type Params = { locale: string; page?: string[] } & Record<string, string | string[] | undefined>;
type Props = { params: Promise<Params> };

export function listingRoute(kind: ListingKind, param: 'section' | 'tag') {
  const resolve = async (params: Props['params']) => {
    const values = await params;
    const id = values[param];
    const page = parsePageSegments(values.page);
    if (!isLocale(values.locale) || typeof id !== 'string' || !isListingId(kind, id) || page === null) notFound();
    const locale: Locale = values.locale;
    const listing = getListing(kind, locale, id);
    if (page > listing.totalPages) notFound();
    const t = translator(locale, kind === 'section' ? 'SectionPage' : 'TagPage');
    const pagination = translator(locale, 'Pagination');
    const pageLabel = pagination('page', { n: formatNumber(page, locale) });
    const title = page > 1 ? pagination('pageTitle', { name: listing.name, n: formatNumber(page, locale) }) : listing.name;
    return { locale, listing, page, t, title, pageLabel };
  };

  return {
    generateStaticParams({ params }: { params: { locale: string } }) {
      if (!isLocale(params.locale)) return [];
      const locale = params.locale;
      return listingIds(kind).flatMap((id) => {
        const { totalPages } = getListing(kind, locale, id);
        return Array.from({ length: totalPages }, (_, index) => ({ [param]: id, page: pageSegments(index + 1) }));
      });
    },

    async generateMetadata({ params }: Props): Promise<Metadata> {
      const { locale, listing, page, t, title } = await resolve(params);
      const description =
        kind === 'section' ? t('description', { section: listing.name }) : t('description', { tag: listing.name });
      return pageMetadata({
        locale,
        title,
        description,
        path: listing.pathFor(page),
        alternates: listingAlternates(listing, page),
        noindex: !isIndexable(listing),
      });
    },

    async Page({ params }: Props) {
      const { locale, listing, page, t, title, pageLabel } = await resolve(params);
      setRequestLocale(locale);
      return (
        <PageShell locale={locale} alternates={listingAlternates(listing, page)} currentPath={listing.pathFor(page)}>
          <Breadcrumbs locale={locale} trail={listingTrail(listing, page, pageLabel)} />
          <StoryListing
            locale={locale}
            title={title}
            listing={listingPage(listing, page)}
            empty={t('empty')}
            pathFor={listing.pathFor}
          />
        </PageShell>
      );
    },
  };
}
