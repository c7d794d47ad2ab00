import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { storyPageMetadata, StoryPageContent } from '@/components/article/StoryPage';
import { ContentProblems } from '@/components/layout/ContentProblems';
import { PageShell } from '@/components/layout/PageShell';
import { isLocale, type Locale } from '@/i18n/locales';
import { storyAlternates } from '@/lib/alternates';
import { compileArticle } from '@/lib/content/compile';
import { editableSlugs, findStory } from '@/lib/content/load';
import { ContentError } from '@/lib/content/problems';
import { storiesRenderedByNext } from '@/lib/export/story-pages';

type Props = { params: Promise<{ locale: string; slug: string }> };

export const dynamicParams = false;

/**
 * The story pages Next renders: every story folder while editing, valid or not (an invalid one
 * shows its problems at its address); in a build, one per language (the
 * pattern every other story page is rendered from after the export, and checked against), or
 * all with STORY_PAGES=next. See lib/export/story-pages.ts.
 */
export function generateStaticParams({ params }: { params: { locale: string } }) {
  const { locale } = params;
  if (!isLocale(locale)) return [];
  if (process.env.NODE_ENV === 'development') return editableSlugs(locale).map((slug) => ({ slug }));
  return storiesRenderedByNext(locale).map((slug) => ({ slug }));
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
  const { story, version } = await resolve(params);
  return storyPageMetadata(story, version);
}

export default async function StoryPage({ params }: Props) {
  const { locale, story, version } = await resolve(params);
  setRequestLocale(locale);
  let code: string;
  try {
    ({ code } = await compileArticle(version));
  } catch (error) {
    // While editing, a story the compiler rejects shows why; a build stops here instead.
    if (!(error instanceof ContentError) || process.env.NODE_ENV !== 'development') throw error;
    return (
      <PageShell locale={locale} alternates={storyAlternates(story, locale)} switcherKind="story">
        <ContentProblems locale={locale} problems={error.problems} />
      </PageShell>
    );
  }
  return <StoryPageContent story={story} version={version} code={code} />;
}
