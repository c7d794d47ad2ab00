import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readContent } from '@/lib/content/load';
import { MdxFactsCache } from '@/lib/content/mdx-analyse';

const fixtures = path.join(process.cwd(), 'tests/fixtures/content');
const folders: string[] = [];
const temporary = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The content check as `npm run check` runs it, with the parsed bodies kept in `cacheDir`. */
const check = (root: string, cacheDir: string) => readContent(root, process.cwd(), { today: '2026-11-28', factsCache: new MdxFactsCache(cacheDir, root) });

describe('parsed story bodies kept between checks', () => {
  it.each(['broken', 'valid', 'site'])('give the same problems and stories as a fresh parse (%s fixtures)', (name) => {
    const cacheDir = temporary('facts-');
    const fresh = readContent(path.join(fixtures, name), process.cwd(), { today: '2026-11-28' });
    const first = check(path.join(fixtures, name), cacheDir);
    const second = check(path.join(fixtures, name), cacheDir);
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
    if (name === 'broken') expect(fresh.problems.length).toBeGreaterThan(10);
  });

  it('are parsed again when a body changes, so a new mistake is reported', () => {
    const root = temporary('facts-content-');
    cpSync(path.join(fixtures, 'valid'), root, { recursive: true });
    const cacheDir = temporary('facts-');
    expect(check(root, cacheDir).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const story = path.join(root, 'articles', readdirSync(path.join(root, 'articles'))[0]!);
    const file = path.join(story, readdirSync(story).find((name) => name.endsWith('.mdx'))!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n<Figure src="missing.jpg">\n`);
    const errors = check(root, cacheDir).problems.filter((problem) => problem.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((problem) => problem.file.endsWith(path.basename(file)))).toBe(true);
  });

  it('keep none with JavaScript in them, one file per content folder, and only the bodies of its last check', () => {
    const cacheDir = temporary('facts-');
    const stored = (file: string) => JSON.parse(readFileSync(path.join(cacheDir, file), 'utf8')) as Record<string, { esm: unknown[]; expressions: unknown[] }>;
    check(path.join(fixtures, 'broken'), cacheDir);
    const [broken] = readdirSync(cacheDir);
    expect(Object.keys(stored(broken!)).length).toBeGreaterThan(0);
    expect(Object.values(stored(broken!)).every((facts) => facts.esm.length === 0 && facts.expressions.length === 0)).toBe(true);

    const root = temporary('facts-content-');
    cpSync(path.join(fixtures, 'valid'), root, { recursive: true });
    check(root, cacheDir);
    expect(readdirSync(cacheDir)).toHaveLength(2);
    const [valid] = readdirSync(cacheDir).filter((name) => name !== broken);
    const before = Object.keys(stored(valid!));
    const story = path.join(root, 'articles', readdirSync(path.join(root, 'articles'))[0]!);
    const file = path.join(story, readdirSync(story).find((name) => name.endsWith('.mdx'))!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nOne more paragraph.\n`);
    check(root, cacheDir);
    const after = Object.keys(stored(valid!));
    expect(after).toHaveLength(before.length);
    expect(after.filter((key) => !before.includes(key))).toHaveLength(1);
  });
});
