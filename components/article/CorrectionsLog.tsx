import { translator } from '@/i18n/translator';
import type { ArticleVersion } from '@/lib/content/load';
import { StoryDate } from './StoryDate';

/**
 * The corrections log at the end of a story: every correction, oldest first, from the front
 * matter and from each <Correction> in the text, in the story's language.
 */
export function CorrectionsLog({ version }: { version: ArticleVersion }) {
  if (version.corrections.length === 0) return null;
  const t = translator(version.locale, 'CorrectionsLog');
  const page = translator(version.locale, 'StoryPage');
  return (
    <section className="corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <ul>
        {version.corrections.map((correction) => (
          <li key={`${correction.date}-${correction.text}`}>
            <StoryDate date={correction.date} locale={version.locale} hijriLabel={page('hijriDate')} />: {correction.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
