import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MdxContent } from '@/components/mdx/MdxContent';
import { compileMdx, compilingParser, importsFiles } from '@/lib/content/compile';
import { splitFrontmatter } from '@/lib/content/frontmatter';
import { analyse, holdsScript, type MdxFacts } from '@/lib/content/mdx-analyse';
import { readContent, type ArticleVersion } from '@/lib/content/load';
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

  it('reports a syntax error the direct compiler finds at the line in the file, front matter counted', async () => {
    const dir = copyOfValidTree();
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'mdx-cache-'));
    const arabic = version(dir, 'arabic-only-story', 'ar');
    writeFileSync(arabic.file, '---\ntitle: x\n---\n\nA paragraph.\n\n<PullQuote>never closed\n');
    const error = await compileMdx(arabic, { cacheDir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).problems[0]).toMatchObject({ file: arabic.relativePath, line: 7 });
  });
});

describe('the two compile paths', () => {
  const render = (code: string, v: ArticleVersion) =>
    renderToStaticMarkup(createElement(MdxContent, { code, story: { locale: v.locale, slug: v.slug, dir: v.dir } }));

  it('sends only stories with import or export lines through the bundler', () => {
    expect(importsFiles('A paragraph about import duties.\n\nExports rose.')).toBe(false);
    expect(importsFiles('Intro.\n\nimport data from "./data.json"\n\n{data.total}')).toBe(true);
    expect(importsFiles('export const total = 3\n\nText.')).toBe(true);
  });

  it('render every fixture story identically, kit components, footnotes and Arabic included', async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'mdx-cache-'));
    const versions = ['tests/fixtures/content/site', 'tests/fixtures/content/valid'].flatMap((tree) =>
      readContent(path.join(root, tree), root).stories.flatMap((story) => Object.values(story.versions)),
    );
    expect(versions.length).toBeGreaterThan(6);
    for (const v of versions) {
      const direct = await compileMdx(v, { cacheDir });
      const bundled = await compileMdx(v, { cacheDir, alwaysBundle: true });
      expect(direct.code).not.toBe(bundled.code);
      expect(render(direct.code, v), v.relativePath).toBe(render(bundled.code, v));
    }
  }, 60_000);

  it('still bundles a story that imports a file from its folder', async () => {
    const dir = copyOfValidTree();
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'mdx-cache-'));
    const english = version(dir, 'bilingual-story', 'en');
    writeFileSync(path.join(english.dir, 'figures.json'), '{"total": 37}');
    writeFileSync(english.file, `${readFileSync(english.file, 'utf8')}\nimport figures from './figures.json'\n\nThe total was {figures.total}.\n`);
    const { code } = await compileMdx(english, { cacheDir });
    expect(render(code, english)).toContain('The total was 37.');
  });
});

describe('compiling in the content check', () => {
  /** Each language file of a content tree read by the check's parser, with the facts it gave. */
  function parseWithCompile(dir: string, cacheDir: string) {
    const read = new Map<string, { facts: MdxFacts; body: string; lineOffset: number }>();
    for (const story of readdirSync(path.join(dir, 'articles'), { recursive: true, withFileTypes: true })) {
      if (!story.isFile() || !/^(ar|en)\.mdx$/.test(story.name)) continue;
      const file = path.join(story.parentPath, story.name);
      const source = readFileSync(file, 'utf8');
      const { body, bodyStartLine } = splitFrontmatter(source);
      const facts = compilingParser({ file, dir: story.parentPath, locale: story.name.slice(0, 2) as 'ar' | 'en', source }, { cacheDir })(body, bodyStartLine - 1);
      read.set(file, { facts, body, lineOffset: bodyStartLine - 1 });
    }
    return read;
  }

  it('gives the check the facts a plain parse gives, for every fixture story', () => {
    for (const tree of ['valid', 'site', 'broken']) {
      const read = parseWithCompile(path.join(root, 'tests/fixtures/content', tree), mkdtempSync(path.join(tmpdir(), 'mdx-cache-')));
      expect(read.size).toBeGreaterThan(2);
      for (const [file, { facts, body, lineOffset }] of read) expect(facts, file).toEqual(analyse(body, lineOffset));
    }
  });

  it('takes the facts before MDX unwraps a paragraph that holds only elements', () => {
    // MDX turns such a paragraph into block elements before any plugin runs; the check must
    // still see them inside a sentence, as written (a Figure there is an error).
    const dir = mkdtempSync(path.join(tmpdir(), 'compile-unravel-'));
    const file = path.join(dir, 'en.mdx');
    const source = '---\ntitle: x\n---\n\n<Lang lang="en">A</Lang> <Figure src="a.jpg" alt="A" />\n';
    writeFileSync(file, source);
    const { body, bodyStartLine } = splitFrontmatter(source);
    const facts = compilingParser({ file, dir, locale: 'en', source }, { cacheDir: mkdtempSync(path.join(tmpdir(), 'mdx-cache-')) })(body, bodyStartLine - 1);
    expect(facts).toEqual(analyse(body, bodyStartLine - 1));
    expect(facts.elements.map((element) => element.alone)).toEqual([false, false]);
  });

  it('stores each story compiled as the page renderer would compile it, and leaves those with JavaScript to it', async () => {
    const dir = copyOfValidTree();
    const english = path.join(dir, 'articles', 'english-only-story', 'en.mdx');
    writeFileSync(english, `${readFileSync(english, 'utf8')}\nTwo is {1 + 1}.\n`);
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'mdx-cache-'));
    const read = parseWithCompile(dir, cacheDir);
    const versions = readContent(dir, dir).stories.flatMap((story) => Object.values(story.versions));
    let stored = 0;
    for (const version of versions) {
      const { facts, body } = read.get(version.file)!;
      const cached = await compileMdx(version, { cacheDir });
      const fresh = await compileMdx(version, { cacheDir: mkdtempSync(path.join(tmpdir(), 'mdx-cache-fresh-')) });
      expect(cached.code, version.relativePath).toBe(fresh.code);
      const scripted = holdsScript(facts) || importsFiles(body);
      expect(cached.fromCache, version.relativePath).toBe(!scripted);
      if (!scripted) stored += 1;
    }
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(versions.length);
  });
});
