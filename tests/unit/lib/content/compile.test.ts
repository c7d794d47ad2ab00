import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileMdx } from '@/lib/content/compile';
import { readContent } from '@/lib/content/load';
import { ContentError } from '@/lib/content/problems';

const root = process.cwd();

function copyOfValidTree() {
  const dir = mkdtempSync(path.join(tmpdir(), 'compile-'));
  cpSync(path.join(root, 'tests/fixtures/content/valid'), dir, { recursive: true });
  return dir;
}

function version(dir: string, slug: string, locale: 'ar' | 'en') {
  const story = readContent(dir, dir).stories.find((candidate) => candidate.slug === slug)!;
  return story.versions[locale]!;
}

describe('the MDX disk cache', () => {
  it('recompiles a changed story and reuses every unchanged one', async () => {
    const dir = copyOfValidTree();
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'mdx-cache-'));
    const arabic = version(dir, 'bilingual-story', 'ar');
    const english = version(dir, 'bilingual-story', 'en');

    expect((await compileMdx(arabic, { cacheDir })).fromCache).toBe(false);
    expect((await compileMdx(english, { cacheDir })).fromCache).toBe(false);
    expect(readdirSync(cacheDir)).toHaveLength(2);

    // A second build: nothing changed, nothing is compiled.
    expect((await compileMdx(arabic, { cacheDir })).fromCache).toBe(true);
    expect((await compileMdx(english, { cacheDir })).fromCache).toBe(true);

    // The editor changes the English text: only that version is compiled again.
    writeFileSync(english.file, `${readFileSync(english.file, 'utf8')}\nA new paragraph.\n`);
    const recompiled = await compileMdx(english, { cacheDir });
    expect(recompiled.fromCache).toBe(false);
    expect(recompiled.code).toContain('A new paragraph.');
    expect((await compileMdx(arabic, { cacheDir })).fromCache).toBe(true);
    expect(readdirSync(cacheDir)).toHaveLength(3);
  });

  it('recompiles when a file the story may import changes', async () => {
    const dir = copyOfValidTree();
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'mdx-cache-'));
    const arabic = version(dir, 'arabic-only-story', 'ar');
    expect((await compileMdx(arabic, { cacheDir })).fromCache).toBe(false);
    writeFileSync(path.join(arabic.dir, 'figures.json'), '{"total": 3}');
    expect((await compileMdx(arabic, { cacheDir })).fromCache).toBe(false);
    expect((await compileMdx(arabic, { cacheDir })).fromCache).toBe(true);
  });

  it('reports a story the compiler rejects at its file and line', async () => {
    const dir = copyOfValidTree();
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'mdx-cache-'));
    const arabic = version(dir, 'arabic-only-story', 'ar');
    writeFileSync(arabic.file, '---\ntitle: x\n---\n\nimport missing from "./nowhere.json"\n\n{missing}\n');
    const error = await compileMdx(arabic, { cacheDir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems[0]).toMatchObject({ file: arabic.relativePath, line: 5 });
  });
});
