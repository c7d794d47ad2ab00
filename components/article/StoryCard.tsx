import { getTranslations } from 'next-intl/server';
import type { ArticleVersion } from '@/lib/content/load';
import { href, paths } from '@/lib/urls';
import { StoryDate } from './StoryDate';

/**
 * A story in a list: headline linking to it, summary, date and section. The headline is an
 * `h2` on a lead card and an `h3` otherwise, unless the list sets `level` to fit its outline.
 */
export async function StoryCard({ version, lead = false, level }: { version: ArticleVersion; lead?: boolean; level?: 2 | 3 }) {
  const t = await getTranslations({ locale: version.locale, namespace: 'StoryPage' });
  const sections = await getTranslations({ locale: version.locale, namespace: 'Sections' });
  const { frontmatter } = version;
  const Heading = level ? (`h${level}` as const) : lead ? 'h2' : 'h3';
  return (
    <article className={lead ? 'story-card story-card-lead' : 'story-card'}>
      <p className="kicker">{sections(frontmatter.section)}</p>
      <Heading className="story-card-title">
        <a href={href(paths.story(version.locale, version.slug))}>{frontmatter.title}</a>
      </Heading>
      <p className="story-card-summary">{frontmatter.summary}</p>
      <p className="story-card-meta">
        <span>{frontmatter.location}</span>
        {' · '}
        <StoryDate date={frontmatter.date} locale={version.locale} hijriLabel={t('hijriDate')} />
      </p>
    </article>
  );
}
