import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { StoryCard } from '@/components/article/StoryCard';
import { PageShell } from '@/components/layout/PageShell';
import { JsonLd } from '@/components/seo/JsonLd';
import { localeParam } from '@/i18n/params';
import { homeAlternates } from '@/lib/alternates';
import { siteName } from '@/lib/config';
import { storiesIn } from '@/lib/content/load';
import { pageMetadata } from '@/lib/metadata';
import { websiteJsonLd } from '@/lib/seo/json-ld';
import { paths } from '@/lib/urls';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const t = await getTranslations({ locale, namespace: 'Metadata' });
  return pageMetadata({
    locale,
    title: { absolute: `${siteName[locale]}: ${t('tagline')}` },
    description: t('siteDescription'),
    path: paths.home(locale),
    alternates: homeAlternates(locale),
  });
}

export default async function FrontPage({ params }: Props) {
  const locale = await localeParam(params);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'HomePage' });
  const meta = await getTranslations({ locale, namespace: 'Metadata' });
  const [lead, ...rest] = storiesIn(locale);
  return (
    <PageShell locale={locale} alternates={homeAlternates(locale)} currentPath={paths.home(locale)}>
      <JsonLd data={websiteJsonLd(locale, meta('siteDescription'))} />
      <h1 className="page-title">{t('title')}</h1>
      {lead ? (
        <div className="front-page">
          <StoryCard version={lead} lead />
          {rest.length > 0 && (
            <ul className="story-list">
              {rest.map((version) => (
                <li key={version.slug}>
                  <StoryCard version={version} />
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <p>{t('empty')}</p>
      )}
    </PageShell>
  );
}
