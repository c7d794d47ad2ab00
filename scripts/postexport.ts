/**
 * Runs after `next build` (part of `npm run build`): ordered, individually tested steps that
 * turn Next's export in out/ into plain static documents. Fails the build when a page still
 * carries the framework runtime.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runtimeLeftovers, stripRuntime } from '@/lib/export/strip-runtime';

const outDir = path.resolve(process.argv[2] ?? process.env.EXPORT_DIR ?? 'out');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? walk(file) : [file];
  });
}

const rel = (file: string) => path.relative(outDir, file).split(path.sep).join('/');

function main() {
  const started = performance.now();
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

  if (problems.length > 0) {
    console.error(`postexport: the framework runtime is still present:\n${problems.join('\n')}`);
    process.exit(1);
  }
  const ms = Math.round(performance.now() - started);
  console.log(`postexport: ${pages} pages made static (${removedScripts} framework scripts and ${removedChunks} chunks removed) in ${ms} ms`);
}

main();
