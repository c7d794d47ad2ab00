import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Breadcrumbs } from '@/components/layout/Breadcrumbs';
import { PageShell } from '@/components/layout/PageShell';
import type { Locale } from '@/i18n/locales';
import { localeParam } from '@/i18n/params';
import { pageAlternates } from '@/lib/alternates';
import { formatNumber } from '@/lib/format/date';
import { getListing, listingIds } from '@/lib/listing/listings';
import { pageMetadata } from '@/lib/metadata';
import { href, paths } from '@/lib/urls';

type Props = { params: Promise<{ locale: string }> };

const alternates = (locale: Locale) => pageAlternates(locale, paths.sections);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const t = await getTranslations({ locale, namespace: 'SectionsIndex' });
  return pageMetadata({
    locale,
    title: t('title'),
    description: t('description'),
    path: paths.sections(locale),
    alternates: alternates(locale),
  });
}

/** Every section, in the newsroom's order, with how many stories it holds in this language. */
export default async function SectionsIndexPage({ params }: Props) {
  const locale = await localeParam(params);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'SectionsIndex' });
  const crumbs = await getTranslations({ locale, namespace: 'Breadcrumbs' });
  const listings = listingIds('section').map((id) => getListing('section', locale, id));
  return (
    <PageShell locale={locale} alternates={alternates(locale)} currentPath={paths.sections(locale)}>
      <Breadcrumbs
        locale={locale}
        trail={[
          { name: crumbs('home'), path: paths.home(locale) },
          { name: t('title'), path: paths.sections(locale) },
        ]}
      />
      <h1 className="page-title">{t('title')}</h1>
      <ul className="taxonomy-index">
        {listings.map((listing) => (
          <li key={listing.id}>
            <a href={href(listing.pathFor(1))}>{listing.name}</a>{' '}
            <span className="taxonomy-count">
              {t('count', { count: listing.stories.length, n: formatNumber(listing.stories.length, locale) })}
            </span>
          </li>
        ))}
      </ul>
    </PageShell>
  );
}
