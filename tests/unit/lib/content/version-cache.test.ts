import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

process.env.CONTENT_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'content-cache-'));
const { readContent } = await import('@/lib/content/load');
const { CONTENT_CACHE_DIR, VersionCache } = await import('@/lib/content/version-cache');

const story = (title: string, extra = '') =>
  `---\ntitle: ${title}\nsummary: Summary.\ndate: 2026-11-28\nsection: world\ntags: [qatar]\nlocation: Doha\nauthor: Desk\nsource:\n  name: Sada\n${extra}---\n\nOne two three four.\n`;

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'content-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, 'articles', name)), { recursive: true });
    writeFileSync(path.join(dir, 'articles', name), text);
  }
  return dir;
}

describe('the front-matter cache shared by build processes', () => {
  it('gives the same stories as a fresh read, from a second process-like instance', () => {
    const root = tree({ 'one/en.mdx': story('One'), 'two/ar.mdx': story('اثنان') });
    const fresh = readContent(root);
    readContent(root, process.cwd(), { cache: new VersionCache(root) });
    expect(readdirSync(CONTENT_CACHE_DIR).filter((name) => name.endsWith('.json'))).not.toHaveLength(0);
    const fromCache = readContent(root, process.cwd(), { cache: new VersionCache(root) });
    expect(fromCache).toEqual(fresh);
    expect(new VersionCache(root).get('irrelevant', '')).toBeUndefined();
  });

  it('re-reads a file whose text changed', () => {
    const root = tree({ 'one/en.mdx': story('Before') });
    readContent(root, process.cwd(), { cache: new VersionCache(root) });
    writeFileSync(path.join(root, 'articles/one/en.mdx'), story('After'));
    const { stories } = readContent(root, process.cwd(), { cache: new VersionCache(root) });
    expect(stories[0].versions.en?.frontmatter.title).toBe('After');
  });

  it('never stores an invalid file, so its problems are reported on every read', () => {
    const root = tree({ 'one/en.mdx': story('One', 'sectoin: world\n') });
    const first = readContent(root, process.cwd(), { cache: new VersionCache(root) });
    const second = readContent(root, process.cwd(), { cache: new VersionCache(root) });
    expect(first.problems.map((problem) => problem.message)).toEqual(['unknown field "sectoin"']);
    expect(second.problems).toEqual(first.problems);
  });

  it('lets the check fill the cache without trusting it: every file is checked afresh', () => {
    const linking = story('One').replace('One two three four.', 'See [the other story](/en/news/two/).');
    const root = tree({ 'one/en.mdx': linking, 'two/en.mdx': story('Two') });
    expect(readContent(root, process.cwd(), { fillCache: new VersionCache(root) }).problems).toEqual([]);
    const stored = path.relative(process.cwd(), path.join(root, 'articles/one/en.mdx')).split(path.sep).join('/');
    expect(new VersionCache(root).get(stored, linking)?.frontmatter.title).toBe('One');
    rmSync(path.join(root, 'articles/two'), { recursive: true });
    const checked = readContent(root, process.cwd(), { fillCache: new VersionCache(root) });
    expect(checked.problems.map((problem) => `${problem.file}:${problem.line}  ${problem.message}`)).toEqual([
      expect.stringMatching(/one\/en\.mdx:\d+  .*"two"/),
    ]);
  });

  it('treats a damaged cache file as empty', () => {
    const root = tree({ 'one/en.mdx': story('One') });
    readContent(root, process.cwd(), { cache: new VersionCache(root) });
    for (const name of readdirSync(CONTENT_CACHE_DIR)) writeFileSync(path.join(CONTENT_CACHE_DIR, name), '{"not json');
    expect(readContent(root, process.cwd(), { cache: new VersionCache(root) }).stories).toHaveLength(1);
  });
});
