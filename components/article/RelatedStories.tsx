import { translator } from '@/i18n/translator';
import type { ArticleVersion } from '@/lib/content/load';
import { StoryCard } from './StoryCard';

/** Stories in the same section or on the same topics, newest first, after the story. */
export function RelatedStories({ versions, locale }: { versions: ArticleVersion[]; locale: ArticleVersion['locale'] }) {
  if (versions.length === 0) return null;
  const t = translator(locale, 'RelatedStories');
  return (
    <section className="related-stories" aria-labelledby="related-stories-title">
      <h2 id="related-stories-title">{t('title')}</h2>
      <ul className="story-list">
        {versions.map((version) => (
          <li key={version.slug}>
            <StoryCard version={version} />
          </li>
        ))}
      </ul>
    </section>
  );
}
