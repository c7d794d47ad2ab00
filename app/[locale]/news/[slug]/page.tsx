import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { StoryFooter } from '@/components/article/StoryFooter';
import { StoryHeader } from '@/components/article/StoryHeader';
import { PageShell } from '@/components/layout/PageShell';
import { MdxContent } from '@/components/mdx/MdxContent';
import { getLocaleFacts, isLocale, type Locale } from '@/i18n/locales';
import { storyAlternates } from '@/lib/alternates';
import { compileArticle } from '@/lib/content/compile';
import { findStory, loadStories } from '@/lib/content/load';
import { pageMetadata } from '@/lib/metadata';
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
    article: {
      publishedTime: frontmatter.date,
      modifiedTime: frontmatter.updated,
      section: sectionName(locale, frontmatter.section),
      tags: frontmatter.tags.map((tag) => tagName(locale, tag)),
      authors: [frontmatter.author],
    },
  });
}

export default async function StoryPage({ params }: Props) {
  const { locale, story, version } = await resolve(params);
  setRequestLocale(locale);
  const { code } = await compileArticle(version);
  const alternates = storyAlternates(story, locale);
  return (
    <PageShell locale={locale} alternates={alternates} switcherKind="story">
      <article className="story" lang={getLocaleFacts(locale).code}>
        <StoryHeader version={version} />
        <div className="story-body">
          <MdxContent code={code} />
        </div>
        <StoryFooter version={version} alternates={alternates} />
      </article>
    </PageShell>
  );
}
