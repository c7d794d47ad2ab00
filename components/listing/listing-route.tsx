import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { isLocale, type Locale } from '@/i18n/locales';
import { listingPagesRenderedByNext } from '@/lib/export/story-pages';
import { getListing, isListingId, type ListingKind, type ListingPageRef } from '@/lib/listing/listings';
import { pageSegments, parsePageSegments } from '@/lib/listing/paginate';
import { ListingPageContent, listingPageMetadata } from './ListingPage';

/**
 * The two listing routes (`/{locale}/sections/{section}/` and `/{locale}/tags/{tag}/`, each
 * with `page/N/`) are one implementation: `[[...page]]` catches the page suffix, so the
 * first page and every later page come from the same route and the route always has at
 * least one page to generate.
 */

type Params = { locale: string; page?: string[] } & Record<string, string | string[] | undefined>;
type Props = { params: Promise<Params> };

export function listingRoute(kind: ListingKind, param: 'section' | 'tag') {
  const resolve = async (params: Props['params']): Promise<ListingPageRef> => {
    const values = await params;
    const id = values[param];
    const page = parsePageSegments(values.page);
    if (!isLocale(values.locale) || typeof id !== 'string' || !isListingId(kind, id) || page === null) notFound();
    const locale: Locale = values.locale;
    if (page > getListing(kind, locale, id).totalPages) notFound();
    return { kind, locale, id, page };
  };

  return {
    /** Every page while editing; in a build, the first (see lib/export/story-pages.ts). */
    generateStaticParams({ params }: { params: { locale: string } }) {
      if (!isLocale(params.locale)) return [];
      return listingPagesRenderedByNext(kind, params.locale).map((ref) => ({ [param]: ref.id, page: pageSegments(ref.page) }));
    },

    async generateMetadata({ params }: Props): Promise<Metadata> {
      return listingPageMetadata(await resolve(params));
    },

    async Page({ params }: Props) {
      const ref = await resolve(params);
      setRequestLocale(ref.locale);
      return <ListingPageContent {...ref} />;
    },
  };
}
