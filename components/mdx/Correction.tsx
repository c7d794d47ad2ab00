import type { ReactNode } from 'react';
import { StoryDate } from '@/components/article/StoryDate';
import { translator } from '@/i18n/translator';
import type { StoryContext } from './context';

/**
 * A dated correction where the mistake was. The loader also lists it in the corrections log
 * at the end of the story. Alone on a line it is a box; inside a sentence, a marked phrase.
 */
export function Correction({ story, date, block, children }: { story: StoryContext; date: string; block?: boolean; children?: ReactNode }) {
  const label = translator(story.locale, 'Correction')('label');
  const hijriLabel = translator(story.locale, 'StoryPage')('hijriDate');
  const heading = (
    <>
      <strong>{label}</strong> <StoryDate date={date} locale={story.locale} hijriLabel={hijriLabel} />
    </>
  );
  if (!block) {
    return (
      <span className="mdx-correction-inline">
        <span className="mdx-correction-label">{heading}:</span> {children}
      </span>
    );
  }
  return (
    <aside className="mdx-correction" aria-label={label}>
      <p className="mdx-kit-title">{heading}</p>
      <div>{children}</div>
    </aside>
  );
}
