/**
 * Runs after `next build` (part of `npm run build`): ordered, individually tested steps that
 * turn Next's export into the published site.
 *   1. put the sitemap's elements into the order its schema requires;
 *   2. render the story and listing pages Next did not render, into the frame of those it did,
 *      and check them against Next's (lib/export/story-pages.ts), writing them already static
 *      (step 5's work, done here in one process per core);
 *   3. write the social cards (cached: only changed stories are rendered; in `npm run build` a
 *      process of their own has rendered them beside Next, and this step waits for it), and meanwhile
 *   4. build the Pagefind index, one per language, each language started as soon as its pages
 *      are written (the search page's script is bundled while the pages render);
 *   5. last, one pass over every other page (lib/export/postexport.ts): strip the framework
 *      runtime (failing the build if any remains, on any page), inject each page's
 *      Content-Security-Policy from the final HTML, and write `_headers` for everything the
 *      export now holds.
 * In `npm run build` it is started before Next has finished, once Next has compiled and the
 * cards are done (lib/build/publish.ts): it reads the stories meanwhile, and begins step 1 once
 * the build writes that Next has passed.
 *   tsx scripts/postexport.ts [folder]   (default: $OUT_DIR or out)
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AWAIT_NEXT, PROCEED_LINE } from '@/lib/build/publish';
import { loadStories } from '@/lib/content/load';
import { postExport, type FinalizedPages } from '@/lib/export/postexport';
import { renderStoryPagesInParallel } from '@/lib/export/render-stories';
import { orderSitemap } from '@/lib/export/sitemap-order';
import { bundleSearchScript, startSearchIndex } from '@/lib/search/search-index';
import { cardJobs, waitForBuildCards, writeCards } from '@/lib/social/cards';

const outDir = path.resolve(process.argv[2] ?? process.env.OUT_DIR ?? 'out');

async function timed<T>(label: string, step: () => T | Promise<T>, describe: (result: T) => string): Promise<T> {
  const started = performance.now();
  const result = await step();
  console.log(`postexport: ${label}: ${describe(result)} in ${Math.round(performance.now() - started)} ms`);
  return result;
}

function orderSitemapFile() {
  const file = path.join(outDir, 'sitemap.xml');
  if (!existsSync(file)) throw new Error(`${path.relative(process.cwd(), file)} is missing: app/sitemap.ts did not run`);
  const xml = readFileSync(file, 'utf8');
  writeFileSync(file, orderSitemap(xml));
  return (xml.match(/<url>/g) ?? []).length;
}

function documents(finalized: FinalizedPages) {
  const report = postExport(outDir, finalized);
  if (report.problems.length > 0) throw new Error(`the framework runtime is still present:\n${report.problems.join('\n')}`);
  return report;
}

/** Resolves when the build says Next has finished (PROCEED_LINE on standard input); fails if it never does. */
function nextFinished(): Promise<void> {
  return new Promise((resolve, reject) => {
    let received = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => {
      received += chunk;
      if (received.split('\n').includes(PROCEED_LINE)) resolve();
    });
    process.stdin.on('end', () => reject(new Error('the build ended without saying that Next had finished; nothing was done')));
  });
}

/** The search index being built, stopped if any step fails (its processes would run on). */
let search: ReturnType<typeof startSearchIndex> | undefined;

async function main() {
  if (process.env[AWAIT_NEXT] === '1') {
    // Started by the build while Next renders its pages (once it has compiled and the cards
    // are done): the stories are read meanwhile (every later step uses them), and the work
    // begins once Next has finished.
    const prepared = performance.now();
    loadStories();
    const ready = performance.now();
    await nextFinished();
    console.log(`postexport: stories read while Next finished (${Math.round(ready - prepared)} ms), then waited ${Math.round(performance.now() - ready)} ms for it`);
  }
  await timed('sitemap', orderSitemapFile, (urls) => `${urls} URLs in schema order`);
  // The search page's script does not depend on the pages: bundled while they render.
  const script = timed('search script', () => bundleSearchScript(outDir), (bytes) => `${bytes} bytes`);
  script.catch(() => {});
  // Each language's search index starts once that language's pages are all written, while the
  // next language renders.
  const index = startSearchIndex(outDir);
  search = index;
  let indexStarted: number | undefined;
  const pages = await timed(
    'story and listing pages',
    () =>
      renderStoryPagesInParallel(outDir, {
        onLanguageRendered: (locale) => {
          indexStarted ??= performance.now();
          index.ready(locale);
        },
      }),
    (r) =>
      `${r.rendered} rendered from ${r.fromNext} by Next${r.compared ? `, ${r.compared} compared with Next's and identical` : ''} ` +
      `(process time: ${Object.entries(r.ms).map(([kind, ms]) => `${kind} ${Math.round(ms)} ms`).join(', ')})`,
  );
  // In `npm run build` a process of their own has been rendering the cards since the check
  // passed: this step waits for it and copies them, beside the search index. Run alone, it
  // renders them itself beside the index, which mostly waits on Pagefind's own processes and
  // so leaves a core to the cards.
  await Promise.all([
    timed(
      'social cards',
      async () => ({ beside: await waitForBuildCards(), here: await writeCards(outDir, cardJobs()) }),
      ({ beside, here }) =>
        beside
          ? `${beside.rendered} rendered and ${beside.cached} from cache by the build's cards process, placed in the export` +
            (here.rendered ? ` (${here.rendered} more rendered here)` : '')
          : `${here.rendered} rendered, ${here.cached} from cache`,
    ),
    script,
    (async () => {
      const waited = performance.now();
      const report = await index.finish();
      const ms = Math.round(performance.now() - (indexStarted ?? waited));
      console.log(
        `postexport: search index: ${report.pages} pages (${Object.entries(report.languages).map(([lang, count]) => `${lang}: ${count}`).join(', ')}), ` +
          `${Math.round(report.bytes / 1024)} KB in ${ms} ms from the first language's start (${Math.round(performance.now() - waited)} ms after the pages)`,
      );
    })(),
  ]);
  await timed(
    'static documents',
    () => documents(pages.finalized),
    (r) =>
      `${r.pages} pages made static (${r.removedScripts} framework scripts and ${r.removedFiles} files removed), ` +
      `CSP for ${r.inlineScripts} inline scripts, _headers written`,
  );
}

main().catch(async (error: unknown) => {
  console.error(`postexport: ${error instanceof Error ? error.message : String(error)}`);
  await search?.cancel().catch(() => {});
  process.exit(1);
});
