import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { RelatedStories } from '@/components/article/RelatedStories';
import { StoryFooter } from '@/components/article/StoryFooter';
import { StoryHeader } from '@/components/article/StoryHeader';
import { Breadcrumbs } from '@/components/layout/Breadcrumbs';
import { ContentProblems } from '@/components/layout/ContentProblems';
import { PageShell } from '@/components/layout/PageShell';
import { MdxContent } from '@/components/mdx/MdxContent';
import { JsonLd } from '@/components/seo/JsonLd';
import { getLocaleFacts, isLocale, type Locale } from '@/i18n/locales';
import { storyAlternates } from '@/lib/alternates';
import { loadMessages } from '@/i18n/messages';
import { compileArticle } from '@/lib/content/compile';
import { localeIndex } from '@/lib/content/indexes';
import { findStory, loadStories, type ArticleVersion } from '@/lib/content/load';
import { ContentError } from '@/lib/content/problems';
import { pageMetadata } from '@/lib/metadata';
import { newsArticleJsonLd, type Crumb } from '@/lib/seo/json-ld';
import { sectionName, tagName } from '@/lib/taxonomy';
import { paths } from '@/lib/urls';

type Props = { params: Promise<{ locale: string; slug: string }> };

export const dynamicParams = false;

export function generateStaticParams({ params }: { params: { locale: string } }) {
  const { locale } = params;
  if (!isLocale(locale)) return [];
  return loadStories()
    .filter((story) => story.versions[locale])
    .map((story) => ({ slug: story.slug }));
}

async function resolve(params: Props['params']) {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  const story = findStory(slug);
  const version = story?.versions[locale];
  if (!story || !version) notFound();
  return { locale: locale as Locale, story, version };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, story, version } = await resolve(params);
  const { frontmatter } = version;
  return pageMetadata({
    locale,
    title: frontmatter.title,
    description: frontmatter.summary,
    path: paths.story(locale, story.slug),
    alternates: storyAlternates(story, locale),
    image: { path: paths.storyCard(locale, story.slug), alt: frontmatter.title },
    article: {
      publishedDate: frontmatter.date,
      modifiedDate: frontmatter.updated,
      section: sectionName(locale, frontmatter.section),
      tags: frontmatter.tags.map((tag) => tagName(locale, tag)),
      authors: [frontmatter.author],
    },
  });
}

export default async function StoryPage({ params }: Props) {
  const { locale, story, version } = await resolve(params);
  setRequestLocale(locale);
  const alternates = storyAlternates(story, locale);
  let code: string;
  try {
    ({ code } = await compileArticle(version));
  } catch (error) {
    // While editing, a story the compiler rejects shows why; a build stops here instead.
    if (!(error instanceof ContentError) || process.env.NODE_ENV !== 'development') throw error;
    return (
      <PageShell locale={locale} alternates={alternates} switcherKind="story">
        <ContentProblems locale={locale} problems={error.problems} />
      </PageShell>
    );
  }
  return (
    <PageShell locale={locale} alternates={alternates} switcherKind="story">
      <Breadcrumbs locale={locale} trail={storyTrail(version)} />
      <article className="story" lang={getLocaleFacts(locale).code}>
        <StoryHeader version={version} />
        <div className="story-body" data-pagefind-body="">
          <MdxContent code={code} story={{ locale, slug: story.slug, dir: version.dir }} />
        </div>
        <StoryFooter version={version} alternates={alternates} />
      </article>
      <RelatedStories locale={locale} versions={localeIndex(locale).related(story.slug)} />
      <JsonLd data={newsArticleJsonLd(story, version)} />
    </PageShell>
  );
}

/** Front page, the story's section, the story. */
function storyTrail(version: ArticleVersion): Crumb[] {
  const { locale, frontmatter } = version;
  return [
    { name: loadMessages(locale).Breadcrumbs.home, path: paths.home(locale) },
    { name: sectionName(locale, frontmatter.section), path: paths.section(locale, frontmatter.section) },
    { name: frontmatter.title, path: paths.story(locale, version.slug) },
  ];
}
