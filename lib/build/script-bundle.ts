import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The build's own scripts, compiled once per build into plain JavaScript.
 *
 * Every step of `npm run build` runs in a process of its own (scripts/build.ts, and the page,
 * search and card processes of the post-export step). Run through tsx, each process compiled
 * its TypeScript on the way in and sent every import through tsx's loader thread: about 2 s and
 * 3 s of CPU per process before its first line ran, eight times per build, on a machine whose
 * two cores the build keeps busy. esbuild compiles all of them together in a few hundred
 * milliseconds; each process then loads one file and the packages it imports from
 * node_modules (never bundled: their own files, native parts and WASM stay where they are).
 *
 * The compiled files live in a folder of the build's own under node_modules/.cache, so that
 * packages resolve from there exactly as from the sources, and two builds never share one.
 * `BUILD_SCRIPTS_DIR` names that folder to every process of the build; lib/node-script.ts runs
 * a script from it when it holds that script, and through tsx otherwise (tests, `npm run check`).
 */

export const BUILD_SCRIPTS_DIR = 'BUILD_SCRIPTS_DIR';

/** The scripts a build runs in processes of their own. */
export const BUILD_SCRIPTS = [
  'scripts/check.ts',
  'scripts/build-fonts.ts',
  'scripts/cards.ts',
  'scripts/postexport.ts',
  'scripts/render-stories.ts',
  'scripts/search-index.ts',
] as const;

/** The compiled file of `script` (a path from the project folder) in `dir`. */
export function compiledScript(dir: string, script: string): string {
  return path.join(dir, `${path.basename(script).replace(/\.tsx?$/, '')}.mjs`);
}

/** A build leaves its folder behind only when it was killed outright; a day later it is removed. */
const STALE_MS = 24 * 60 * 60_000;

/** A new folder for one build's compiled scripts. */
export function scriptBundleDir(root: string = process.cwd()): string {
  const parent = path.join(root, 'node_modules', '.cache', 'sada-build');
  mkdirSync(parent, { recursive: true });
  for (const name of readdirSync(parent)) {
    if (!name.startsWith('scripts-')) continue;
    const folder = path.join(parent, name);
    try {
      if (Date.now() - statSync(folder).mtimeMs > STALE_MS) rmSync(folder, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by another build starting at the same time.
    }
  }
  return mkdtempSync(path.join(parent, 'scripts-'));
}

/**
 * Compiles `scripts` (default: every build script) into `outdir`, sharing the modules they have
 * in common as chunks, the way tsx would run them: the project's `@/` paths from tsconfig.json,
 * JSX with React's automatic runtime, every package left to Node.
 */
export async function bundleScripts(outdir: string, root: string = process.cwd(), scripts: readonly string[] = BUILD_SCRIPTS): Promise<void> {
  const { build } = await import('esbuild');
  for (const script of scripts) {
    if (!existsSync(path.join(root, script))) throw new Error(`bundleScripts: ${script} does not exist`);
  }
  await build({
    absWorkingDir: root,
    entryPoints: scripts.map((script) => path.join(root, script)),
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    tsconfig: path.join(root, 'tsconfig.json'),
    // The package declares no `exports`, so Node's ES module resolver (unlike tsx's and
    // Next's) will not find the folder's index file on its own.
    alias: { 'mdx-bundler/client': 'mdx-bundler/client/index.js' },
    // Errors are thrown with their messages; warnings (none today) are printed.
    logLevel: 'warning',
  });
}
