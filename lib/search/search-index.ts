import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { isLocale, type Locale } from '@/i18n/locales';
import { runTsScript } from '@/lib/node-script';
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

export type PageFacts = {
  lang: string;
  hasBody: boolean;
  title: string;
  bodyText: string;
  /** The page's source text of what Pagefind reads: the indexed body and the element giving the title, in page order. */
  indexedHtml: string;
  /** Pagefind attributes outside those elements, which htmlForIndex would leave out. */
  outside: string[];
};

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
  // Source ranges of the outermost indexed elements (the body, and the title outside it).
  const ranges: [number, number][] = [];
  const opened: number[] = [];
  const outside: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'html' && attributes.lang) lang = attributes.lang.toLowerCase();
        let kind: (typeof stack)[number] = null;
        const outermost = inBody === 0 && inTitle === 0;
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
        // The body and title elements are handed over whole, with their own attributes.
        if (outermost && kind !== 'body' && kind !== 'title') {
          for (const attribute of Object.keys(attributes)) {
            if (attribute.startsWith('data-pagefind-') && attribute !== 'data-pagefind-ignore') outside.push(`${attribute}="${attributes[attribute]}"`);
          }
        }
        stack.push(kind);
        opened.push(outermost && (kind === 'body' || kind === 'title') ? parser.startIndex : -1);
        if (!INLINE.has(name) && inBody) body += ' ';
      },
      ontext(text) {
        if (inBody && !skip) body += text;
        if (inTitle) title += text;
      },
      onclosetag(name) {
        const kind = stack.pop();
        const start = opened.pop() ?? -1;
        if (start >= 0) ranges.push([start, parser.endIndex + 1]);
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
  const indexedHtml = ranges.map(([start, end]) => html.slice(start, end)).join('');
  return { lang, hasBody, title: squeeze(title), bodyText: squeeze(body), indexedHtml, outside };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The HTML handed to Pagefind for a page: what it indexes of the page (the marked body and
 * title, as written, in a document of the page's language: the rest of the page, which it
 * would read only to skip, is left out), plus for Arabic a hidden element whose text becomes
 * the searchable `norm` metadata field. That sits outside the indexed body, so it never shows
 * in excerpts. The file on disk is not changed.
 */
export function htmlForIndex(page: PageFacts): string {
  const extra = page.lang.startsWith('ar')
    ? `<div hidden data-pagefind-meta="${NORMALISED_FIELD}">${escapeHtml(arabicIndexText(`${page.title} ${page.bodyText}`))}</div>`
    : '';
  return `<!DOCTYPE html><html lang="${escapeHtml(page.lang)}"><head><meta charset="utf-8"></head><body>${page.indexedHtml}${extra}</body></html>`;
}

/** `ar/news/x/index.html` → `/ar/news/x/`, the URL Pagefind stores (the base path is added in the browser). */
export function urlFor(relativePath: string): string {
  return `/${relativePath.split(path.sep).join('/').replace(/(^|\/)index\.html$/, '$1')}`;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(file);
    return entry.name.endsWith('.html') ? [file] : [];
  });
}

export type SearchIndexReport = { pages: number; languages: Record<string, number>; bytes: number };

/** Below this many story pages in a language, indexing it here beats starting a process (about 1 s). */
const PAGES_PER_PROCESS = 100;

/**
 * Builds `<outDir>/pagefind/` from the story pages of the export. Every page of a language lives
 * under `/<locale>/`, and Pagefind keeps one index per language, so each language is indexed on
 * its own (in a process of its own when it has enough pages: Pagefind's indexer is one busy
 * thread, and two languages then index side by side) and the parts are merged.
 */
export async function buildSearchIndex(outDir: string, options: { processes?: boolean } = {}): Promise<SearchIndexReport> {
  return startSearchIndex(outDir, options).finish();
}

export type SearchIndexBuild = {
  /** Starts indexing a language whose story pages are all in the export (again: nothing). */
  ready(lang: Locale): void;
  /** Indexes the languages not started yet, waits for every one, and merges them. */
  finish(): Promise<SearchIndexReport>;
  /** Stops the languages started (the pages failed), and removes their parts. */
  cancel(): Promise<void>;
};

/**
 * The search index built language by language, each started as soon as its pages are written
 * (`ready`), so that the first language indexes while the others are still being rendered,
 * instead of every language waiting for the last page.
 */
export function startSearchIndex(outDir: string, options: { processes?: boolean } = {}): SearchIndexBuild {
  const outputPath = path.join(outDir, PAGEFIND_DIR);
  const partsDir = path.join(outDir, `.${PAGEFIND_DIR}-parts`);
  rmSync(outputPath, { recursive: true, force: true });
  rmSync(partsDir, { recursive: true, force: true });
  const started = new Map<Locale, Promise<unknown>>();
  const abort = new AbortController();
  // Pagefind's module drives one service process, which indexLanguage closes when done: the
  // languages indexed in this process go one after another.
  let inThisProcess: Promise<unknown> = Promise.resolve();
  const part = (lang: Locale) => path.join(partsDir, lang);

  const ready = (lang: Locale) => {
    if (started.has(lang) || abort.signal.aborted || !existsSync(path.join(outDir, lang))) return;
    let indexing: Promise<unknown>;
    if (options.processes ?? countStoryPages(path.join(outDir, lang)) >= PAGES_PER_PROCESS) {
      indexing = runTsScript('scripts/search-index.ts', [outDir, lang, part(lang)], { signal: abort.signal });
    } else {
      indexing = inThisProcess.catch(() => {}).then(() => indexLanguage(outDir, lang, part(lang)));
      inThisProcess = indexing;
    }
    // Awaited by finish or cancel; until then a failure must not count as unhandled.
    indexing.catch(() => {});
    started.set(lang, indexing);
  };

  const settle = async () => {
    const settled = await Promise.allSettled(started.values());
    return settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  };
  /** Stops what is still running, waits for it, and removes the parts. */
  const stop = async () => {
    abort.abort();
    await settle();
    rmSync(partsDir, { recursive: true, force: true });
  };

  return {
    ready,
    cancel: stop,
    async finish() {
      const languages: Locale[] = [];
      try {
        for (const entry of readdirSync(outDir, { withFileTypes: true })) {
          if (entry.isDirectory() && isLocale(entry.name)) {
            languages.push(entry.name);
            continue;
          }
          // A story page outside every language's folder would be left out of the search.
          const outside = entry.isDirectory() ? (entry.name === '_next' || entry.name.startsWith(`.${PAGEFIND_DIR}`) ? [] : htmlFiles(path.join(outDir, entry.name))) : entry.name.endsWith('.html') ? [path.join(outDir, entry.name)] : [];
          for (const file of outside) {
            if (readFileSync(file, 'utf8').includes('data-pagefind-body')) throw new Error(`${path.relative(outDir, file)}: a story page outside the folder of a published language`);
          }
        }
        for (const lang of languages) ready(lang);
        // Every language finishes before the parts are removed, even when one has failed.
        const failed = await settle();
        if (failed) throw failed.reason;
        mergeIndexes([...started.keys()].sort().map(part), outputPath);
      } finally {
        await stop();
      }
      for (const name of UNUSED_BUNDLE_FILES) rmSync(path.join(outputPath, name), { force: true });
      const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
      const counts = Object.fromEntries(Object.entries(entry.languages).map(([lang, facts]) => [lang, facts.page_count]));
      return { pages: Object.values(counts).reduce((a, b) => a + b, 0), languages: counts, bytes: directorySize(outputPath) };
    },
  };
}

function countStoryPages(dir: string): number {
  const news = path.join(dir, 'news');
  return existsSync(news) ? readdirSync(news).length : 0;
}

/** Pages Pagefind is handed before the first has been indexed: parsing here overlaps its indexing. */
const IN_FLIGHT = 32;

/**
 * Indexes the story pages under `<outDir>/<lang>/` into a Pagefind bundle at `outputPath`.
 * Each must say `<html lang>` of that language.
 */
export async function indexLanguage(outDir: string, lang: Locale, outputPath: string): Promise<number> {
  const pagefind = await import('pagefind');
  let pages = 0;
  try {
    const { index, errors } = await pagefind.createIndex({ keepIndexUrl: false, writePlayground: false });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const inFlight: Promise<void>[] = [];
    for (const file of htmlFiles(path.join(outDir, lang))) {
      const html = readFileSync(file, 'utf8');
      if (!html.includes('data-pagefind-body')) continue; // front, section, tag and search pages are not indexed
      const page = inspectPage(html);
      if (!page.hasBody) continue;
      if (page.lang !== lang) throw new Error(`${path.relative(outDir, file)}: a story page in /${lang}/ whose <html lang> is "${page.lang}"`);
      if (page.outside.length > 0) {
        throw new Error(`${path.relative(outDir, file)}: ${page.outside.join(', ')} outside the indexed body would not reach the search index (lib/search/search-index.ts, htmlForIndex)`);
      }
      const url = urlFor(path.relative(outDir, file));
      const added = index.addHTMLFile({ url, content: htmlForIndex(page) }).then((result) => {
        if (result.errors.length > 0) throw new Error(`Pagefind could not index ${url}: ${result.errors.join('; ')}`);
      });
      // Awaited below; if indexing stops first, closing Pagefind rejects the pages still in
      // flight, and that must not surface as an unhandled rejection over the real error.
      added.catch(() => {});
      inFlight.push(added);
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
      pages += 1;
    }
    await Promise.all(inFlight);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    await index.deleteIndex();
  } finally {
    await pagefind.close();
  }
  return pages;
}

type PagefindEntry = { version: string; languages: Record<string, { hash: string; wasm: string; page_count: number }>; [key: string]: unknown };

/**
 * Merges Pagefind bundles of different languages into one. The language-independent files
 * (the runtime, the worker, the WASM of each language) must be byte-identical in every part,
 * and the entry file, which lists the languages, becomes the union of the parts' entries.
 * The parts' files are moved, not copied (about 2,100 files at 1,000 stories): the parts are
 * left incomplete, and removed.
 */
export function mergeIndexes(parts: string[], outputPath: string): void {
  const entries: PagefindEntry[] = [];
  for (const part of parts) {
    for (const file of readdirSync(part, { recursive: true, withFileTypes: true })) {
      if (!file.isFile()) continue;
      const source = path.join(file.parentPath, file.name);
      const relative = path.relative(part, source);
      if (relative === 'pagefind-entry.json') {
        entries.push(JSON.parse(readFileSync(source, 'utf8')) as PagefindEntry);
        continue;
      }
      const target = path.join(outputPath, relative);
      if (existsSync(target)) {
        if (!readFileSync(target).equals(readFileSync(source))) throw new Error(`search index: the language bundles disagree on ${relative}`);
        continue;
      }
      mkdirSync(path.dirname(target), { recursive: true });
      moveFile(source, target);
    }
  }
  if (entries.length === 0) throw new Error('search index: no language bundle to merge');
  const [first, ...rest] = entries as [PagefindEntry, ...PagefindEntry[]];
  const merged: PagefindEntry = { ...first, languages: { ...first.languages } };
  for (const entry of rest) {
    const { languages: _languages, ...settings } = entry;
    const { languages: _first, ...firstSettings } = first;
    if (JSON.stringify(settings) !== JSON.stringify(firstSettings)) throw new Error('search index: the language bundles were written with different Pagefind settings');
    for (const [lang, facts] of Object.entries(entry.languages)) {
      if (lang in merged.languages) throw new Error(`search index: two bundles hold the language "${lang}"`);
      merged.languages[lang] = facts;
    }
  }
  merged.languages = Object.fromEntries(Object.entries(merged.languages).sort(([a], [b]) => a.localeCompare(b)));
  mkdirSync(outputPath, { recursive: true });
  writeFileSync(path.join(outputPath, 'pagefind-entry.json'), JSON.stringify(merged));
}

/** Moves a part's file into the merged bundle: a rename (a copy between file systems). */
function moveFile(source: string, target: string) {
  try {
    renameSync(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyFileSync(source, target);
  }
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
