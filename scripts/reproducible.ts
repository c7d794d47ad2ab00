/**
 * Builds the site twice and compares the two exports byte for byte, listing every file that
 * differs. The first build is cold (no Next cache, empty MDX and front-matter caches), the second
 * reuses them, so the check also proves that caches never change what is published.
 *   npm run reproducible            (exit status 1 when the builds differ)
 * The exports go to out-repro-1/ and out-repro-2/; out/ is left alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compareTrees, formatDifference, isIdentical } from '@/lib/export/compare-trees';

const folders = ['out-repro-1', 'out-repro-2'] as const;
const caches = mkdtempSync(path.join(tmpdir(), 'sada-repro-'));

function build(outDir: string, cold: boolean) {
  rmSync(outDir, { recursive: true, force: true });
  if (cold) rmSync('.next', { recursive: true, force: true });
  console.log(`reproducible: building into ${outDir}/ (${cold ? 'cold: no caches' : 'warm: caches from the first build'})`);
  const started = performance.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      OUT_DIR: outDir,
      MDX_CACHE_DIR: path.join(caches, 'mdx'),
      CONTENT_CACHE_DIR: path.join(caches, 'content'),
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  if (result.status !== 0) {
    console.error(`reproducible: the build into ${outDir}/ failed`);
    process.exit(1);
  }
  console.log(`reproducible: ${outDir}/ built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

build(folders[0], true);
build(folders[1], false);
const difference = compareTrees(folders[0], folders[1]);
console.log(`reproducible: ${formatDifference(difference, [...folders])}`);
rmSync(caches, { recursive: true, force: true });
if (!isIdentical(difference)) {
  console.error('reproducible: the two builds differ (see above); the folders are kept for inspection.');
  process.exit(1);
}
for (const folder of folders) rmSync(folder, { recursive: true, force: true });
