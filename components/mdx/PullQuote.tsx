import type { ReactNode } from 'react';
import { translator } from '@/i18n/translator';
import type { StoryContext } from './context';

/** A striking sentence from the story, set large; `by` names who said it. */
export function PullQuote({ story, by, children }: { story: StoryContext; by?: string; children?: ReactNode }) {
  const t = translator(story.locale, 'PullQuote');
  return (
    <aside className="mdx-pull-quote" aria-label={t('label')}>
      <blockquote>{children}</blockquote>
      {by && <p className="mdx-pull-quote-by">— {by}</p>}
    </aside>
  );
}
