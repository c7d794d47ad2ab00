import { getMDXComponent } from 'mdx-bundler/client';
import { copyStoryMedia } from '@/lib/content/media';
import type { StoryContext } from './context';
import { mdxComponents } from './components';

/**
 * Renders compiled MDX on the server: the body reaches the reader as HTML and ships
 * no client JavaScript.
 */
export function MdxContent({ code, story }: { code: string; story: StoryContext }) {
  // While editing, images saved into the story folder are served at once; a build copies
  // them beforehand (`npm run check -- --stage-media`, which the build runs).
  if (process.env.NODE_ENV === 'development') copyStoryMedia(story.slug, story.dir);
  const Body = getMDXComponent(code);
  return <Body components={mdxComponents(story)} />;
}
