import { getTranslations } from 'next-intl/server';
import type { ArticleVersion } from '@/lib/content/load';
import { readingTime } from '@/lib/format/reading-time';
import { StoryDate } from './StoryDate';

/** Headline, dek and the story's facts: dateline, byline, dates and reading time. */
export async function StoryHeader({ version }: { version: ArticleVersion }) {
  const { locale, frontmatter } = version;
  const t = await getTranslations({ locale, namespace: 'StoryPage' });
  const sections = await getTranslations({ locale, namespace: 'Sections' });
  const minutes = readingTime(version.wordCount, locale);
  return (
    <header className="story-header">
      <p className="kicker">{sections(frontmatter.section)}</p>
      <h1 className="story-title" data-pagefind-meta="title">
        {frontmatter.title}
      </h1>
      <p className="story-dek">{frontmatter.summary}</p>
      <div className="story-meta">
        <p className="byline">{t('byline', { author: frontmatter.author })}</p>
        <p>
          <span className="dateline">{frontmatter.location}</span>
          {' · '}
          <span className="published">
            {t('published')} <StoryDate date={frontmatter.date} locale={locale} hijriLabel={t('hijriDate')} />
          </span>
        </p>
        {frontmatter.updated && (
          <p className="updated">
            {t('updated')} <StoryDate date={frontmatter.updated} locale={locale} hijriLabel={t('hijriDate')} />
          </p>
        )}
        <p className="reading-time">{t('readingTime', { count: minutes.count, n: minutes.n })}</p>
      </div>
    </header>
  );
}
