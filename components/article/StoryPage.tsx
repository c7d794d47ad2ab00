import { RelatedStories } from '@/components/article/RelatedStories';
import { StoryFooter } from '@/components/article/StoryFooter';
import { StoryHeader } from '@/components/article/StoryHeader';
import { Breadcrumbs } from '@/components/layout/Breadcrumbs';
import { PageShell } from '@/components/layout/PageShell';
import { MdxContent } from '@/components/mdx/MdxContent';
import { JsonLd } from '@/components/seo/JsonLd';
import { getLocaleFacts } from '@/i18n/locales';
import { loadMessages } from '@/i18n/messages';
import { storyAlternates } from '@/lib/alternates';
import { localeIndex } from '@/lib/content/indexes';
import type { ArticleVersion, Story } from '@/lib/content/load';
import { pageMetadata } from '@/lib/metadata';
import { newsArticleJsonLd, type Crumb } from '@/lib/seo/json-ld';
import { sectionName, tagName } from '@/lib/taxonomy';
import { paths } from '@/lib/urls';

/**
 * A story page's content and metadata, as plain synchronous functions of the story and its
 * compiled body. Next renders them through app/[locale]/news/[slug]/page.tsx; after the
 * export, lib/export/story-pages.ts renders the same components for the stories Next was
 * not asked to render, and checks its output against Next's own pages.
 */

export function storyPageMetadata(story: Story, version: ArticleVersion) {
  const { locale, frontmatter } = version;
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

export function StoryPageContent({ story, version, code }: { story: Story; version: ArticleVersion; code: string }) {
  const { locale } = version;
  const alternates = storyAlternates(story, locale);
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
