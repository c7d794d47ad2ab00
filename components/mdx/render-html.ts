import { createRequire } from 'node:module';
import path from 'node:path';
import { compileArticle } from '@/lib/content/compile';
import type { ArticleVersion } from '@/lib/content/load';
import { MdxContent } from './MdxContent';

/**
 * React's string renderer, loaded at run time from node_modules together with its own React.
 * Next refuses `react-dom/server` anywhere in the server-component graph (route handlers
 * included), but a feed needs the story as an HTML string. Loading both packages through a
 * project-level `require` keeps them out of the bundle and paired with each other; the
 * elements they render are plain React elements, whichever copy created them.
 */
const requireFromProject = createRequire(path.join(process.cwd(), 'package.json'));

type Renderer = { renderToStaticMarkup: typeof import('react-dom/server').renderToStaticMarkup };
type ReactModule = { createElement: typeof import('react').createElement };

/**
 * A story body as an HTML string, rendered with the same compiled MDX and component map as
 * its page: what the feeds carry as the full text.
 */
export async function renderStoryHtml(version: ArticleVersion): Promise<string> {
  const { code } = await compileArticle(version);
  const { renderToStaticMarkup } = requireFromProject('react-dom/server') as Renderer;
  const { createElement } = requireFromProject('react') as ReactModule;
  const story = { locale: version.locale, slug: version.slug, dir: version.dir };
  return renderToStaticMarkup(createElement(MdxContent, { code, story }));
}
