import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { translator } from '@/i18n/translator';
import { StoryCard } from '@/components/article/StoryCard';
import { PageShell } from '@/components/layout/PageShell';
import { JsonLd } from '@/components/seo/JsonLd';
import { localeParam } from '@/i18n/params';
import { homeAlternates } from '@/lib/alternates';
import { siteName } from '@/lib/config';
import { storiesIn } from '@/lib/content/load';
import { pageMetadata } from '@/lib/metadata';
import { websiteJsonLd } from '@/lib/seo/json-ld';
import { href, paths } from '@/lib/urls';

type Props = { params: Promise<{ locale: string }> };

/** Stories beside the lead, in the compact list; the rest follow as a grid of cards. */
const BESIDE_LEAD = 4;
/**
 * The front page shows the latest stories only, as a newspaper's does; every older story stays
 * one click away in its section's pages. Listing them all made the page grow with the archive
 * (2.7 MB of HTML at 1,000 stories).
 */
export const FRONT_PAGE_STORIES = 25;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeParam(params);
  const t = translator(locale, 'Metadata');
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
  const t = translator(locale, 'HomePage');
  const meta = translator(locale, 'Metadata');
  const stories = storiesIn(locale);
  const [lead, ...rest] = stories.slice(0, FRONT_PAGE_STORIES);
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
          {stories.length > FRONT_PAGE_STORIES && (
            <p className="front-archive">
              <a href={href(paths.sections(locale))}>{t('olderStories')}</a>
            </p>
          )}
        </>
      ) : (
        <p>{t('empty')}</p>
      )}
    </PageShell>
  );
}
