import type { ReactNode } from 'react';
import { translator } from '@/i18n/translator';
import type { StoryContext } from './context';

/** A note from the editors to the reader, set apart from the reporting. */
export function EditorNote({ story, children }: { story: StoryContext; children?: ReactNode }) {
  const label = translator(story.locale, 'EditorNote')('label');
  return (
    <aside className="mdx-editor-note" aria-label={label}>
      <p className="mdx-kit-title">{label}</p>
      {children}
    </aside>
  );
}
