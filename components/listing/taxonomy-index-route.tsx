import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { translator } from '@/i18n/translator';
import { Breadcrumbs } from '@/components/layout/Breadcrumbs';
import { PageShell } from '@/components/layout/PageShell';
import type { Locale } from '@/i18n/locales';
import { localeParam } from '@/i18n/params';
import { pageAlternates } from '@/lib/alternates';
import { formatNumber } from '@/lib/format/date';
import { getListing, isIndexable, listingIds, type Listing } from '@/lib/listing/listings';
import { pageMetadata } from '@/lib/metadata';
import { sortTagsByName } from '@/lib/taxonomy';
import { href, paths } from '@/lib/urls';

/**
 * The two index pages (`/{locale}/sections/` and `/{locale}/tags/`) are one implementation:
 * every section in the newsroom's order, even an empty one (the navigation links to it), and
 * the tags used in this language, alphabetically. Each entry says how many stories it holds.
 */

type Props = { params: Promise<{ locale: string }> };

const kinds = {
  section: {
    namespace: 'SectionsIndex',
    path: paths.sections,
    listings: (locale: Locale): Listing[] => listingIds('section').map((id) => getListing('section', locale, id)),
  },
  tag: {
    namespace: 'TagsIndex',
    path: paths.tags,
    listings: (locale: Locale): Listing[] =>
      sortTagsByName(locale, listingIds('tag'))
        .map((id) => getListing('tag', locale, id))
        .filter(isIndexable),
  },
} as const;

export function taxonomyIndexRoute(kind: keyof typeof kinds) {
  const { namespace, path, listings } = kinds[kind];
  const alternates = (locale: Locale) => pageAlternates(locale, path);

  async function generateMetadata({ params }: Props): Promise<Metadata> {
    const locale = await localeParam(params);
    const t = translator(locale, namespace);
    return pageMetadata({ locale, title: t('title'), description: t('description'), path: path(locale), alternates: alternates(locale) });
  }

  async function Page({ params }: Props) {
    const locale = await localeParam(params);
    setRequestLocale(locale);
    const t = translator(locale, namespace);
    const crumbs = translator(locale, 'Breadcrumbs');
    const entries = listings(locale);
    return (
      <PageShell locale={locale} alternates={alternates(locale)} currentPath={path(locale)}>
        <Breadcrumbs
          locale={locale}
          trail={[
            { name: crumbs('home'), path: paths.home(locale) },
            { name: t('title'), path: path(locale) },
          ]}
        />
        <h1 className="page-title">{t('title')}</h1>
        {entries.length > 0 ? (
          <ul className="taxonomy-index">
            {entries.map((listing) => (
              <li key={listing.id}>
                <a href={href(listing.pathFor(1))}>{listing.name}</a>{' '}
                <span className="taxonomy-count">
                  {t('count', { count: listing.stories.length, n: formatNumber(listing.stories.length, locale) })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="listing-empty">{t('empty')}</p>
        )}
      </PageShell>
    );
  }

  return { generateMetadata, Page };
}
