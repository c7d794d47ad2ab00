/**
 * Runs after `next build` (part of `npm run build`): ordered, individually tested steps that
 * turn Next's export in out/ into the published site.
 *   1. strip the framework runtime from every page (fails the build if any remains);
 *   2. put the sitemap's elements into the order its schema requires;
 *   3. write the social cards (cached: only changed stories are rendered);
 *   4. bundle the search page's script and build the Pagefind index, one per language.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { orderSitemap } from '@/lib/export/sitemap-order';
import { runtimeLeftovers, stripRuntime } from '@/lib/export/strip-runtime';
import { buildSearchIndex, bundleSearchScript } from '@/lib/search/search-index';
import { cardJobs, writeCards } from '@/lib/social/cards';

const outDir = path.resolve(process.argv[2] ?? 'out');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? walk(file) : [file];
  });
}

const rel = (file: string) => path.relative(outDir, file).split(path.sep).join('/');

async function timed<T>(label: string, step: () => T | Promise<T>, describe: (result: T) => string): Promise<T> {
  const started = performance.now();
  const result = await step();
  console.log(`postexport: ${label}: ${describe(result)} in ${Math.round(performance.now() - started)} ms`);
  return result;
}

function makeStatic() {
  // Next's internal copies of the 404 page: static hosts serve out/404.html.
  for (const duplicate of ['_not-found', '404']) rmSync(path.join(outDir, duplicate), { recursive: true, force: true });

  const files = walk(outDir);
  let pages = 0;
  let removedScripts = 0;
  const problems: string[] = [];
  for (const file of files) {
    const name = path.basename(file);
    // RSC payloads, fetched only by the client router that published pages no longer load.
    if (name === 'index.txt' || (name.startsWith('__next.') && name.endsWith('.txt'))) {
      rmSync(file);
      continue;
    }
    if (!name.endsWith('.html')) continue;
    const result = stripRuntime(readFileSync(file, 'utf8'));
    writeFileSync(file, result.html);
    pages += 1;
    removedScripts += result.removedScripts;
    for (const leftover of runtimeLeftovers(result.html)) problems.push(`${rel(file)}: ${leftover}`);
  }

  // Framework chunks no page loads any more; styles, fonts and media stay.
  let removedChunks = 0;
  for (const file of walk(path.join(outDir, '_next'))) {
    if (file.endsWith('.js') || file.endsWith('.js.map')) {
      rmSync(file);
      removedChunks += 1;
    }
  }

  if (problems.length > 0) throw new Error(`the framework runtime is still present:\n${problems.join('\n')}`);
  return { pages, removedScripts, removedChunks };
}

function orderSitemapFile() {
  const file = path.join(outDir, 'sitemap.xml');
  if (!existsSync(file)) throw new Error('out/sitemap.xml is missing: app/sitemap.ts did not run');
  const xml = readFileSync(file, 'utf8');
  writeFileSync(file, orderSitemap(xml));
  return (xml.match(/<url>/g) ?? []).length;
}

async function main() {
  await timed('static documents', makeStatic, (r) => `${r.pages} pages made static (${r.removedScripts} framework scripts and ${r.removedChunks} chunks removed)`);
  await timed('sitemap', orderSitemapFile, (urls) => `${urls} URLs in schema order`);
  await timed('social cards', () => writeCards(outDir, cardJobs()), (r) => `${r.rendered} rendered, ${r.cached} from cache`);
  await timed('search script', () => bundleSearchScript(outDir), (bytes) => `${bytes} bytes`);
  await timed(
    'search index',
    () => buildSearchIndex(outDir),
    (r) => `${r.pages} pages (${Object.entries(r.languages).map(([lang, count]) => `${lang}: ${count}`).join(', ')}), ${Math.round(r.bytes / 1024)} KB`,
  );
}

main().catch((error: unknown) => {
  console.error(`postexport: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
