import { readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { injectCsp, mergeSources, type PageSources } from './csp';
import { formatHeadersFile, headerRules } from './headers';
import { runtimeLeftovers, stripRuntime } from './strip-runtime';

/**
 * The post-export pass over out/ (run by scripts/postexport.ts as part of `npm run build`):
 * one read and one write per page (but for the pages the post-export renderer has already
 * finished the same way, `finalizePage`), applying pure, separately tested steps in order:
 *   1. remove Next's duplicate 404 pages, RSC payload files and framework chunks;
 *   2. strip the framework runtime from every page (lib/export/strip-runtime.ts);
 *   3. give every page its Content-Security-Policy (lib/export/csp.ts), last, so the hashes
 *      are taken of the final HTML;
 *   4. remove empty folders (Next leaves `_next/<build id>/`), so the tree holds only what is served;
 *   5. write `_headers` (lib/export/headers.ts).
 */

/** One page made static: what `postExport` does to every page it reads, on a page in memory. */
export function finalizePage(html: string): { html: string; sources: PageSources; removedScripts: number; leftovers: string[] } {
  const stripped = stripRuntime(html);
  const secured = injectCsp(stripped.html);
  return { html: secured.html, sources: secured.sources, removedScripts: stripped.removedScripts, leftovers: runtimeLeftovers(stripped.html) };
}

/**
 * Pages another step has already written static (`finalizePage`), which the pass then leaves
 * alone: the post-export renderer finishes the pages it writes (lib/export/render-stories.tsx).
 */
export type FinalizedPages = {
  files: string[];
  /** Their sources, merged. */
  sources: PageSources;
  removedScripts: number;
  inlineScripts: number;
  /** `<path>: <leftover>` for every runtime leftover found. */
  problems: string[];
};

export type PostExportReport = {
  pages: number;
  removedScripts: number;
  removedFiles: number;
  inlineScripts: number;
  problems: string[];
  ms: number;
};

function walk(dir: string): { files: string[]; dirs: string[] } {
  const files: string[] = [];
  const dirs: string[] = [];
  const visit = (current: string) => {
    const entries: Dirent[] = readdirSync(current, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        dirs.push(full);
        visit(full);
      } else {
        files.push(full);
      }
    }
  };
  visit(dir);
  return { files, dirs };
}

/** Files the published site never serves: the client router's payloads and framework code. */
export function isFrameworkFile(relativePath: string): boolean {
  const name = relativePath.split('/').at(-1) ?? '';
  if (name === 'index.txt' || (name.startsWith('__next.') && name.endsWith('.txt'))) return true;
  return relativePath.startsWith('_next/') && (name.endsWith('.js') || name.endsWith('.js.map'));
}

export function postExport(outDir: string, finalized?: FinalizedPages): PostExportReport {
  const started = performance.now();
  const rel = (file: string) => path.relative(outDir, file).split(path.sep).join('/');
  // Next's internal copies of the 404 page: static hosts serve out/404.html.
  for (const duplicate of ['_not-found', '404']) rmSync(path.join(outDir, duplicate), { recursive: true, force: true });

  const { files, dirs } = walk(outDir);
  const report: PostExportReport = { pages: 0, removedScripts: 0, removedFiles: 0, inlineScripts: 0, problems: [], ms: 0 };
  const allSources: PageSources[] = [];
  const done = new Set(finalized?.files.map((file) => path.resolve(file)));
  if (finalized) {
    allSources.push(finalized.sources);
    report.removedScripts += finalized.removedScripts;
    report.inlineScripts += finalized.inlineScripts;
    report.problems.push(...finalized.problems);
  }

  for (const file of files) {
    const relative = rel(file);
    if (isFrameworkFile(relative)) {
      rmSync(file);
      report.removedFiles += 1;
      continue;
    }
    if (!file.endsWith('.html')) continue;
    report.pages += 1;
    if (done.has(path.resolve(file))) continue;
    const page = finalizePage(readFileSync(file, 'utf8'));
    for (const leftover of page.leftovers) report.problems.push(`${relative}: ${leftover}`);
    writeFileSync(file, page.html);
    allSources.push(page.sources);
    report.removedScripts += page.removedScripts;
    report.inlineScripts += page.sources.scriptHashes.length;
  }

  // Deepest first, so a folder emptied by removing its empty children goes too.
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) {
    if (readdirSync(dir).length === 0) rmdirSync(dir);
  }

  const entries = readdirSync(outDir, { withFileTypes: true }).map((entry) => ({ name: entry.name, directory: entry.isDirectory() }));
  writeFileSync(path.join(outDir, '_headers'), formatHeadersFile(headerRules(mergeSources(allSources), entries)));

  report.ms = Math.round(performance.now() - started);
  return report;
}
