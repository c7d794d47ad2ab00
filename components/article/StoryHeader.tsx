import { translator } from '@/i18n/translator';
import type { ArticleVersion } from '@/lib/content/load';
import { readingTime } from '@/lib/format/reading-time';
import { BidiText } from './BidiText';
import { StoryDate } from './StoryDate';

/** Section, headline, dek and the story's facts: byline, dateline, dates and reading time. */
export function StoryHeader({ version }: { version: ArticleVersion }) {
  const { locale, frontmatter } = version;
  const t = translator(locale, 'StoryPage');
  const sections = translator(locale, 'Sections');
  const minutes = readingTime(version.wordCount, locale);
  // The byline's wording comes from the catalogue; the name inside it is isolated like other text.
  const [before, after] = t('byline', { author: '\u0000' }).split('\u0000');
  return (
    <header className="story-header" data-section={frontmatter.section}>
      <p className="kicker">{sections(frontmatter.section)}</p>
      <h1 className="story-title" data-pagefind-meta="title">
        <BidiText text={frontmatter.title} locale={locale} />
      </h1>
      <p className="story-dek">
        <BidiText text={frontmatter.summary} locale={locale} />
      </p>
      <div className="story-meta">
        <p className="byline">
          {before}
          <span className="author">
            <BidiText text={frontmatter.author} locale={locale} />
          </span>
          {after}
        </p>
        <p className="story-when">
          <span className="dateline">
            <BidiText text={frontmatter.location} locale={locale} />
          </span>
          <span aria-hidden="true" className="separator">
            {' · '}
          </span>
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
