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

/** Stories beside the lead, in the compact list; the rest follow as a grid of cards. */
const BESIDE_LEAD = 4;

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
  const beside = rest.slice(0, BESIDE_LEAD);
  const more = rest.slice(BESIDE_LEAD);
  return (
    <PageShell locale={locale} alternates={homeAlternates(locale)} currentPath={paths.home(locale)}>
      <JsonLd data={websiteJsonLd(locale, meta('siteDescription'))} />
      <h1 className="page-title">{t('title')}</h1>
      {lead ? (
        <>
          <div className={beside.length > 0 ? 'front-top' : 'front-top front-top-single'}>
            <StoryCard version={lead} variant="lead" headingLevel={2} />
            {beside.length > 0 && (
              <ul className="story-list story-list-beside">
                {beside.map((version) => (
                  <li key={version.slug}>
                    <StoryCard version={version} variant="compact" headingLevel={2} />
                  </li>
                ))}
              </ul>
            )}
          </div>
          {more.length > 0 && (
            <section className="front-more" aria-labelledby="more-stories">
              <h2 id="more-stories" className="section-heading">
                {t('moreStories')}
              </h2>
              <ul className="story-grid">
                {more.map((version) => (
                  <li key={version.slug}>
                    <StoryCard version={version} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      ) : (
        <p>{t('empty')}</p>
      )}
    </PageShell>
  );
}
