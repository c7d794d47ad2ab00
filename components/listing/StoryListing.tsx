import { StoryCard } from '@/components/article/StoryCard';
import type { Locale } from '@/i18n/locales';
import type { ArticleVersion } from '@/lib/content/load';
import type { PageOf } from '@/lib/listing/paginate';
import { Pagination } from './Pagination';

/** One page of a section or tag listing: heading, stories (or why there are none), page links. */
export function StoryListing({
  locale,
  title,
  listing,
  empty,
  pathFor,
}: {
  locale: Locale;
  title: string;
  listing: PageOf<ArticleVersion>;
  empty: string;
  pathFor: (page: number) => string;
}) {
  return (
    <>
      <h1 className="page-title">{title}</h1>
      {listing.items.length > 0 ? (
        <ul className="story-list">
          {listing.items.map((version) => (
            <li key={version.slug}>
              <StoryCard version={version} headingLevel={2} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="listing-empty">{empty}</p>
      )}
      <Pagination locale={locale} page={listing.page} totalPages={listing.totalPages} pathFor={pathFor} />
    </>
  );
}
