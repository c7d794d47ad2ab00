import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countWords, editableSlugs, isPublic, loadStories, readContent } from '@/lib/content/load';
import { ContentError, formatProblem } from '@/lib/content/problems';

const root = process.cwd();
const validTree = path.join(root, 'tests/fixtures/content/valid');

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'content-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, 'articles', name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return dir;
}

const frontmatter = (fields: string) => `---\n${fields}\n---\n\nBody text.\n`;
const complete = [
  'title: Title',
  'summary: Summary.',
  'date: 2026-11-28',
  'section: world',
  'location: Doha',
  'author: Desk',
  'source:',
  '  name: Sada',
].join('\n');

describe('content loader', () => {
  it('pairs the language versions of each story by folder', () => {
    const { stories, problems } = readContent(validTree, root);
    expect(problems).toEqual([]);
    const bySlug = Object.fromEntries(stories.map((story) => [story.slug, Object.keys(story.versions).sort()]));
    expect(bySlug).toEqual({
      'arabic-only-story': ['ar'],
      'bilingual-story': ['ar', 'en'],
      'english-only-story': ['en'],
    });
  });

  it('keeps dates as written, quoted or not', () => {
    const story = readContent(validTree, root).stories.find((candidate) => candidate.slug === 'bilingual-story');
    expect(story?.versions.ar?.frontmatter.date).toBe('2026-11-20');
    expect(story?.versions.en?.frontmatter.date).toBe('2026-11-21');
    expect(story?.versions.en?.frontmatter.updated).toBe('2026-11-22');
  });

  it('accepts the real content', () => {
    const { stories, problems } = readContent(path.join(root, 'content'), root);
    expect(problems.map(formatProblem)).toEqual([]);
    const first = stories.find((story) => story.slug === 'qatar-anti-trafficking-centre');
    expect(first?.versions.ar?.frontmatter.location).toBe('الدوحة');
    expect(first?.versions.en?.frontmatter.translatedFrom).toBe('ar');
  });

  it('names the file, line and field of a bad value', () => {
    const dir = tree({ 'bad-story/en.mdx': frontmatter(complete.replace('section: world', 'section: wrld')) });
    const { problems } = readContent(dir, dir);
    expect(problems.map(formatProblem)).toEqual([
      'articles/bad-story/en.mdx:5:10  section "wrld" is not a section (did you mean "world"? Sections: politics, economy, human-rights, society, world, culture, technology, environment)',
    ]);
  });

  it('reports every problem at once, including unknown fields and YAML errors', () => {
    const dir = tree({
      'first-story/en.mdx': frontmatter(`${complete}\ntitel: typo`),
      'second-story/en.mdx': frontmatter('title: "unclosed\nsummary: x'),
    });
    const messages = readContent(dir, dir).problems.map(formatProblem);
    expect(messages[0]).toBe('articles/first-story/en.mdx:10:8  unknown field "titel" (did you mean "title"?)');
    expect(messages[1]).toBe(
      'articles/second-story/en.mdx:3:11  the front matter is not valid YAML: Missing closing "quote (check quotes and colons; text containing a colon must be put in "double quotes")',
    );
    expect(messages).toHaveLength(2);
  });

  it('rejects folders that are not slugs and files that are not language versions', () => {
    const dir = tree({ 'Bad Slug/en.mdx': frontmatter(complete), 'good-slug/english.mdx': frontmatter(complete) });
    const messages = readContent(dir, dir).problems.map(formatProblem);
    expect(messages).toContain(
      'articles/Bad Slug:1:1  the folder name "Bad Slug" is not a valid story address: use lowercase ASCII words joined by hyphens (for example "bad-slug")',
    );
    expect(messages).toContain('articles/good-slug/english.mdx:1:1  "english.mdx" is not a language version: a story folder holds ar.mdx and en.mdx');
  });

  it('rejects a tag that has no name in the catalogues and a translation of a missing original', () => {
    const dir = tree({ 'some-story/en.mdx': frontmatter(`${complete}\ntags: [qatar, no-such-tag]\ntranslatedFrom: ar`) });
    const messages = readContent(dir, dir).problems.map(formatProblem);
    expect(messages).toEqual([
      'articles/some-story/en.mdx:10:15  tag "no-such-tag" has no name in the message catalogues (add "no-such-tag" under "Tags" in messages/ar.json and messages/en.json)',
      'articles/some-story/en.mdx:1:1  is marked as translated from "ar" but the story has no ar.mdx',
    ]);
  });

  it('refuses to publish anything when a file is invalid', () => {
    const dir = tree({ 'good-story/en.mdx': frontmatter(complete), 'bad-story/en.mdx': frontmatter('title: only') });
    expect(() => loadStories(dir)).toThrow(ContentError);
    expect(() => loadStories(dir)).toThrow(/articles\/bad-story\/en\.mdx:2:1 {2}summary is required/);
  });

  it('leaves drafts and future stories out of production but shows them in preview', () => {
    const story = readContent(validTree, root).stories.find((candidate) => candidate.slug === 'bilingual-story')!;
    const version = story.versions.ar!;
    expect(isPublic(version, { preview: false, today: '2026-11-30' })).toBe(true);
    expect(isPublic(version, { preview: false, today: '2026-11-19' })).toBe(false);
    expect(isPublic({ ...version, frontmatter: { ...version.frontmatter, draft: true } }, { preview: false, today: '2026-11-30' })).toBe(false);
    expect(isPublic({ ...version, frontmatter: { ...version.frontmatter, draft: true } }, { preview: true })).toBe(true);
  });

  it('lists the images each version shows, for the build to publish beside it', () => {
    const { stories, problems } = readContent(path.join(root, 'tests/fixtures/content/site'));
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const showcase = stories.find((story) => story.slug === 'kit-showcase');
    expect(showcase?.versions.ar?.images).toEqual(['./harbour.png']);
    expect(stories.find((story) => story.slug === 'plain-story')?.versions.ar?.images).toEqual([]);
  });

  it('counts words a reader reads', () => {
    expect(countWords('import X from "./x"\n\n# عنوان\n\nنص **عريض** و<Tag prop="x">داخل</Tag>.')).toBe(5);
  });
});

describe('editableSlugs', () => {
  it('lists every story folder with a file in the language, valid or not, archive folders included', () => {
    const root = 'tests/fixtures/content/broken';
    const arabic = editableSlugs('ar', root);
    // Invalid stories are still addresses while editing: their page explains the problem.
    expect(arabic).toEqual(expect.arrayContaining(['missing-field', 'wrong-type', 'syntax-error', 'duplicate-story']));
    expect(readContent(root).stories.map((story) => story.slug)).not.toContain('missing-field');
    // A story file left outside a folder has no address.
    expect(arabic).not.toContain('loose-story');
    expect(editableSlugs('ar', path.join(tmpdir(), 'no-such-content'))).toEqual([]);
  });
});
