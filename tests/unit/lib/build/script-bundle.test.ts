import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BUILD_SCRIPTS, BUILD_SCRIPTS_DIR, bundleScripts, compiledScript, scriptBundleDir } from '@/lib/build/script-bundle';
import { tsScript } from '@/lib/node-script';
import { cardJobs } from '@/lib/social/cards';

vi.setConfig({ testTimeout: 90_000 });

const root = process.cwd();
const dir = scriptBundleDir(root);
beforeAll(() => bundleScripts(dir, root));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A script's run on the broken fixture tree, with the timings it prints taken out. */
function checkBrokenTree(args: string[]) {
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', CONTENT_DIR: 'tests/fixtures/content/broken', PUBLISH_DATE: '2026-11-25' },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.replace(/\d+ ms/g, 'N ms') };
}

describe("the build's compiled scripts", () => {
  it('compiles every script the build runs in a process of its own, in a folder of the build under node_modules', () => {
    expect(path.relative(root, dir)).toMatch(/^node_modules[/\\]\.cache[/\\]sada-build[/\\]scripts-/);
    for (const script of BUILD_SCRIPTS) expect(existsSync(compiledScript(dir, script)), script).toBe(true);
  });

  it('reports a broken content tree exactly as the TypeScript source does', () => {
    const compiled = checkBrokenTree([compiledScript(dir, 'scripts/check.ts')]);
    const source = checkBrokenTree(['--import', 'tsx', path.join(root, 'scripts/check.ts')]);
    expect(compiled.status).toBe(1);
    expect(compiled.stderr).toContain('tests/fixtures/content/broken/articles/syntax-error/ar.mdx:15:1  <EditorNote> is opened here but never closed');
    expect(compiled).toEqual(source);
  });

  it('load and run each step: the page renderer, the search index and the post-export step', () => {
    const run = (script: string, args: string[]) => spawnSync(process.execPath, [compiledScript(dir, script), ...args], { cwd: root, encoding: 'utf8' });
    // Everything a step imports is loaded before it reads its arguments.
    const pages = run('scripts/render-stories.ts', []);
    expect([pages.status, pages.stderr.trim()]).toEqual([2, 'usage: tsx scripts/render-stories.ts <export folder> <index>/<count>']);
    const search = run('scripts/search-index.ts', []);
    expect([search.status, search.stderr.trim()]).toEqual([2, 'search-index: usage: tsx scripts/search-index.ts <out folder> <locale> <bundle folder>']);
    const postExport = run('scripts/postexport.ts', [path.join(tmpdir(), 'no-such-export')]);
    expect(postExport.status).toBe(1);
    expect(postExport.stderr).toContain('sitemap.xml is missing');
  });

  it('render the cards of the real content into their cache, and open the gate the export waits on', () => {
    const work = mkdtempSync(path.join(tmpdir(), 'compiled-cards-'));
    try {
      const gate = path.join(work, 'gate');
      const result = spawnSync(process.execPath, [compiledScript(dir, 'scripts/cards.ts')], {
        cwd: root,
        env: { ...process.env, CARD_CACHE_DIR: path.join(work, 'cache'), CARDS_GATE: gate },
        encoding: 'utf8',
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      // A card per story version, one per language for the other pages, and the logo.
      const cards = cardJobs().length;
      expect(JSON.parse(readFileSync(gate, 'utf8'))).toEqual({ rendered: cards, cached: 0 });
      expect(result.stdout).toMatch(new RegExp(`^social cards: ${cards} rendered \\([\\d.]+ s of CPU\\), 0 from cache in \\d+ ms\n$`));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('are what the build runs while BUILD_SCRIPTS_DIR names their folder; anything else runs through tsx', () => {
    const before = process.env[BUILD_SCRIPTS_DIR];
    try {
      delete process.env[BUILD_SCRIPTS_DIR];
      expect(tsScript('scripts/check.ts', '--quiet')).toEqual(['--import', 'tsx', path.join(root, 'scripts/check.ts'), '--quiet']);
      process.env[BUILD_SCRIPTS_DIR] = dir;
      expect(tsScript('scripts/check.ts', '--quiet')).toEqual([compiledScript(dir, 'scripts/check.ts'), '--quiet']);
      expect(tsScript('scripts/new.ts')).toEqual(['--import', 'tsx', path.join(root, 'scripts/new.ts')]);
    } finally {
      if (before === undefined) delete process.env[BUILD_SCRIPTS_DIR];
      else process.env[BUILD_SCRIPTS_DIR] = before;
    }
  });

  it('names the script that is missing instead of compiling without it', async () => {
    await expect(bundleScripts(path.join(dir, 'unused'), root, ['scripts/no-such-step.ts'])).rejects.toThrow('bundleScripts: scripts/no-such-step.ts does not exist');
  });
});
