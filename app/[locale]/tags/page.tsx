import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Breadcrumbs } from '@/components/layout/Breadcrumbs';
import { PageShell } from '@/components/layout/PageShell';
import type { Locale } from '@/i18n/locales';
import { localeParam } from '@/i18n/params';
import { pageAlternates } from '@/lib/alternates';
import { formatNumber } from '@/lib/format/date';
import { getListing, isIndexable, listingIds } from '@/lib/listing/listings';
import { pageMetadata } from '@/lib/metadata';
import { sortTagsByName } from '@/lib/taxonomy';
import { href, paths } from '@/lib/urls';

type Props = { params: Promise<{ locale: string }> };

const alternates = (locale: Locale) => pageAlternates(locale, paths.tags);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const t = await getTranslations({ locale, namespace: 'TagsIndex' });
  return pageMetadata({
    locale,
    title: t('title'),
    description: t('description'),
    path: paths.tags(locale),
    alternates: alternates(locale),
  });
}

/** The tags used by stories in this language, alphabetically, with how many stories carry each. */
export default async function TagsIndexPage({ params }: Props) {
  const locale = await localeParam(params);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'TagsIndex' });
  const crumbs = await getTranslations({ locale, namespace: 'Breadcrumbs' });
  const used = sortTagsByName(locale, listingIds('tag'))
    .map((id) => getListing('tag', locale, id))
    .filter(isIndexable);
  return (
    <PageShell locale={locale} alternates={alternates(locale)} currentPath={paths.tags(locale)}>
      <Breadcrumbs
        locale={locale}
        trail={[
          { name: crumbs('home'), path: paths.home(locale) },
          { name: t('title'), path: paths.tags(locale) },
        ]}
      />
      <h1 className="page-title">{t('title')}</h1>
      {used.length > 0 ? (
        <ul className="taxonomy-index">
          {used.map((listing) => (
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
