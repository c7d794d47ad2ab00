import { getTranslations } from 'next-intl/server';
import type { ArticleVersion } from '@/lib/content/load';
import { StoryDate } from './StoryDate';

/**
 * The corrections log at the end of a story: every correction, oldest first, from the front
 * matter and from each <Correction> in the text, in the story's language.
 */
export async function CorrectionsLog({ version }: { version: ArticleVersion }) {
  if (version.corrections.length === 0) return null;
  const t = await getTranslations({ locale: version.locale, namespace: 'CorrectionsLog' });
  const page = await getTranslations({ locale: version.locale, namespace: 'StoryPage' });
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
