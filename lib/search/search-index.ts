import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { isLocale } from '@/i18n/locales';
import { arabicIndexText } from './arabic';
import { PAGEFIND_DIR, SEARCH_SCRIPT } from './paths';

/**
 * The post-export search step: Pagefind indexes the exported story pages (one index per
 * `<html lang>`, so one per language), and the search page's script is bundled next to it.
 *
 * Only what a story page marks is indexed: its body (`data-pagefind-body`) and its headline
 * (`data-pagefind-meta="title"`). Arabic stories also get a hidden metadata field holding the
 * body and headline in normalised spelling (lib/search/arabic.ts), so spelling variants and
 * words written with a clitic are found, while excerpts and highlights keep the original text.
 */

/** Name of the hidden metadata field carrying normalised Arabic text. */
export const NORMALISED_FIELD = 'norm';

/** Pagefind's own UIs, which our search page does not load. */
const UNUSED_BUNDLE_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

// Inline elements do not separate words (as in Pagefind's parser); any other tag does.
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var']);
// Elements whose text Pagefind never indexes.
const SKIP_TEXT = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);

export type PageFacts = { lang: string; hasBody: boolean; title: string; bodyText: string };

/** What the index needs from one exported page: its language, whether it is a story, its text. */
export function inspectPage(html: string): PageFacts {
  let lang = '';
  let hasBody = false;
  const stack: ('body' | 'skip' | 'title' | null)[] = [];
  let inBody = 0;
  let inTitle = 0;
  let skip = 0;
  let body = '';
  let title = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'html' && attributes.lang) lang = attributes.lang.toLowerCase();
        let kind: (typeof stack)[number] = null;
        if ('data-pagefind-body' in attributes) {
          hasBody = true;
          kind = 'body';
          inBody += 1;
        } else if (attributes['data-pagefind-meta'] === 'title') {
          kind = 'title';
          inTitle += 1;
        } else if ('data-pagefind-ignore' in attributes || SKIP_TEXT.has(name)) {
          kind = 'skip';
          skip += 1;
        }
        stack.push(kind);
        if (!INLINE.has(name) && inBody) body += ' ';
      },
      ontext(text) {
        if (inBody && !skip) body += text;
        if (inTitle) title += text;
      },
      onclosetag(name) {
        const kind = stack.pop();
        if (kind === 'body') inBody -= 1;
        else if (kind === 'title') inTitle -= 1;
        else if (kind === 'skip') skip -= 1;
        if (!INLINE.has(name) && inBody) body += ' ';
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();
  return { lang, hasBody, title: squeeze(title), bodyText: squeeze(body) };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The HTML handed to Pagefind for a page: the page itself, plus for Arabic a hidden element
 * whose text becomes the searchable `norm` metadata field. It sits outside the indexed body,
 * so it never shows in excerpts. The file on disk is not changed.
 */
export function htmlForIndex(html: string, page: PageFacts): string {
  if (!page.lang.startsWith('ar')) return html;
  const extra = `<div hidden data-pagefind-meta="${NORMALISED_FIELD}">${escapeHtml(arabicIndexText(`${page.title} ${page.bodyText}`))}</div>`;
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + extra : html.slice(0, at) + extra + html.slice(at);
}

/** `ar/news/x/index.html` → `/ar/news/x/`, the URL Pagefind stores (the base path is added in the browser). */
export function urlFor(relativePath: string): string {
  return `/${relativePath.split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1')}`;
}

function htmlFiles(dir: string, root: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return file === path.join(root, PAGEFIND_DIR) || name === '_next' ? [] : htmlFiles(file, root);
    return name.endsWith('.html') ? [file] : [];
  });
}

export type SearchIndexReport = { pages: number; languages: Record<string, number>; bytes: number };

/** Builds `<outDir>/pagefind/` from the story pages of the export. */
export async function buildSearchIndex(outDir: string): Promise<SearchIndexReport> {
  const pagefind = await import('pagefind');
  const outputPath = path.join(outDir, PAGEFIND_DIR);
  rmSync(outputPath, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false, writePlayground: false });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    let pages = 0;
    for (const file of htmlFiles(outDir, outDir)) {
      const html = readFileSync(file, 'utf8');
      const page = inspectPage(html);
      if (!page.hasBody) continue; // front, section, tag and search pages are not indexed
      if (!isLocale(page.lang)) throw new Error(`${path.relative(outDir, file)}: a story page without a published <html lang>`);
      const url = urlFor(path.relative(outDir, file));
      const added = await index.addHTMLFile({ url, content: htmlForIndex(html, page) });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${added.errors.join('; ')}`);
      pages += 1;
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    await index.deleteIndex();
  } finally {
    await pagefind.close();
  }
  for (const name of UNUSED_BUNDLE_FILES) rmSync(path.join(outputPath, name), { force: true });
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  const languages = Object.fromEntries(Object.entries(entry.languages).map(([lang, facts]) => [lang, facts.page_count]));
  return { pages: Object.values(languages).reduce((a, b) => a + b, 0), languages, bytes: directorySize(outputPath) };
}

function directorySize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

/** Bundles lib/search/search-page.ts (with the Arabic normaliser) into the export. */
export async function bundleSearchScript(outDir: string): Promise<number> {
  const { build } = await import('esbuild');
  const outfile = path.join(outDir, SEARCH_SCRIPT);
  await build({
    entryPoints: [path.join(process.cwd(), 'lib/search/search-page.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    legalComments: 'none',
    outfile,
    logLevel: 'warning',
  });
  return statSync(outfile).size;
}
