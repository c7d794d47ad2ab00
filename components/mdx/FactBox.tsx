import type { ReactNode } from 'react';
import { translator } from '@/i18n/translator';
import type { StoryContext } from './context';

/** A titled box of key facts beside the story (a list, a few short paragraphs). */
export function FactBox({ story, title, children }: { story: StoryContext; title?: string; children?: ReactNode }) {
  const heading = title ?? translator(story.locale, 'FactBox')('defaultTitle');
  return (
    <aside className="mdx-fact-box" aria-label={heading}>
      <p className="mdx-kit-title">{heading}</p>
      {children}
    </aside>
  );
}
