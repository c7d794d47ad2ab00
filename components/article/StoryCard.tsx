import { translator } from '@/i18n/translator';
import type { ArticleVersion } from '@/lib/content/load';
import { href, paths } from '@/lib/urls';
import { BidiText } from './BidiText';
import { StoryDate } from './StoryDate';

export type StoryCardVariant = 'lead' | 'standard' | 'compact';

/**
 * A story in a list: section marker, headline linking to the story, summary, dateline and
 * date. The lead story of the front page gets the large treatment; compact cards (the list
 * beside the lead) leave the summary out.
 */
export function StoryCard({
  version,
  variant = 'standard',
  headingLevel = 3,
}: {
  version: ArticleVersion;
  variant?: StoryCardVariant;
  headingLevel?: 2 | 3;
}) {
  const t = translator(version.locale, 'StoryPage');
  const sections = translator(version.locale, 'Sections');
  const { frontmatter, locale } = version;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className={`story-card story-card-${variant}`} data-section={frontmatter.section}>
      <p className="kicker">{sections(frontmatter.section)}</p>
      <Heading className="story-card-title">
        <a href={href(paths.story(locale, version.slug))}>
          <BidiText text={frontmatter.title} locale={locale} />
        </a>
      </Heading>
      {variant !== 'compact' && (
        <p className="story-card-summary">
          <BidiText text={frontmatter.summary} locale={locale} />
        </p>
      )}
      <p className="story-card-meta">
        <span className="dateline">
          <BidiText text={frontmatter.location} locale={locale} />
        </span>
        <span aria-hidden="true" className="separator">
          {' · '}
        </span>
        <StoryDate date={frontmatter.date} locale={locale} hijriLabel={t('hijriDate')} />
      </p>
    </article>
  );
}
