import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isLocale, locales, type Locale } from '@/i18n/locales';
import { loadMessages } from '@/i18n/messages';
import { parseFrontmatter, splitFrontmatter } from './frontmatter';
import { ContentError, nearest, type Problem } from './problems';
import { frontmatterSchema, SLUG_PATTERN, type Frontmatter } from './schema';
import { sections } from './sections';
import { VersionCache } from './version-cache';

/** One language version of a story: its validated front matter and where it lives. */
export type ArticleVersion = {
  slug: string;
  locale: Locale;
  /** Absolute path of the `.mdx` file. */
  file: string;
  /** Path relative to the project root, for messages. */
  relativePath: string;
  /** Absolute path of the story folder (images and imports resolve from here). */
  dir: string;
  frontmatter: Frontmatter;
  /** Words in the body, for the reading-time estimate (listing pages never compile MDX). */
  wordCount: number;
};

/** A story: its language versions, paired by folder. */
export type Story = {
  slug: string;
  versions: Partial<Record<Locale, ArticleVersion>>;
};

export type LoadResult = { stories: Story[]; problems: Problem[] };

export const DEFAULT_CONTENT_DIR = path.join(process.cwd(), 'content');

/** The content folder for this process: `CONTENT_DIR` (benchmarks, fixtures) or `content/`. */
export function contentDir(): string {
  return process.env.CONTENT_DIR ? path.resolve(process.env.CONTENT_DIR) : DEFAULT_CONTENT_DIR;
}

/**
 * Reads every story under `<root>/articles`, validating each file. Never throws for bad
 * content: every problem is collected so an editor sees all of them at once.
 */
export function readContent(root: string, projectRoot: string = process.cwd(), cache?: VersionCache): LoadResult {
  const articlesDir = path.join(root, 'articles');
  const problems: Problem[] = [];
  const stories: Story[] = [];
  const relative = (file: string) => path.relative(projectRoot, file).split(path.sep).join('/');

  if (!existsSync(articlesDir)) {
    problems.push({ file: relative(articlesDir), line: 1, column: 1, severity: 'error', message: 'the articles folder does not exist' });
    return { stories, problems };
  }

  const knownTags = tagCatalogue();
  const folders = readdirSync(articlesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

  for (const slug of folders) {
    const dir = path.join(articlesDir, slug);
    if (!SLUG_PATTERN.test(slug)) {
      problems.push({
        file: relative(dir),
        line: 1,
        column: 1,
        severity: 'error',
        message: `the folder name "${slug}" is not a valid story address: use lowercase ASCII words joined by hyphens`,
        hint: `for example "${suggestSlug(slug)}"`,
      });
      continue;
    }

    const story: Story = { slug, versions: {} };
    const mdxFiles = readdirSync(dir).filter((name) => name.endsWith('.mdx') || name.endsWith('.md')).sort();
    for (const name of mdxFiles) {
      const file = path.join(dir, name);
      const locale = name.replace(/\.mdx?$/, '');
      if (!name.endsWith('.mdx') || !isLocale(locale)) {
        problems.push({
          file: relative(file),
          line: 1,
          column: 1,
          severity: 'error',
          message: `"${name}" is not a language version: a story folder holds ${locales.map((code) => `${code}.mdx`).join(' and ')}`,
          hint: nearestLocaleFile(name),
        });
        continue;
      }
      const version = readVersion({ file, relativePath: relative(file), slug, locale, dir, knownTags, problems, cache });
      if (version) story.versions[locale] = version;
    }

    if (mdxFiles.length === 0) {
      problems.push({
        file: relative(dir),
        line: 1,
        column: 1,
        severity: 'error',
        message: `the story folder has no language version: add ${locales.map((code) => `${code}.mdx`).join(' or ')}`,
      });
    }
    if (Object.keys(story.versions).length > 0) stories.push(story);
  }

  checkTranslations(stories, problems);
  cache?.save();
  return { stories, problems };
}

function readVersion(input: {
  file: string;
  relativePath: string;
  slug: string;
  locale: Locale;
  dir: string;
  knownTags: Set<string>;
  problems: Problem[];
  cache?: VersionCache;
}): ArticleVersion | null {
  const { file, relativePath, slug, locale, dir, knownTags, problems, cache } = input;
  const source = readFileSync(file, 'utf8');
  const cached = cache?.get(relativePath, source);
  if (cached) return { slug, locale, file, relativePath, dir, ...cached };
  const problemsBefore = problems.length;
  const parsed = parseFrontmatter(source, relativePath);
  problems.push(...parsed.problems);
  if (parsed.data === undefined) return null;

  const result = frontmatterSchema.safeParse(parsed.data, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const suggestion = nearest(key, Object.keys(frontmatterSchema.shape));
          problems.push({
            file: relativePath,
            ...parsed.locate([...issue.path, key]),
            severity: 'error',
            message: `unknown field "${[...issue.path, key].join('.')}"`,
            hint: suggestion ? `did you mean "${suggestion}"?` : `known fields: ${Object.keys(frontmatterSchema.shape).join(', ')}`,
          });
        }
        continue;
      }
      const field = issue.path.map(String).join('.');
      problems.push({
        file: relativePath,
        ...parsed.locate(issue.path),
        severity: 'error',
        message: field ? `${field} ${issue.message}` : issue.message,
        hint: hintFor(issue.path, issue.input),
      });
    }
    return null;
  }

  const frontmatter = result.data;
  if (frontmatter.translatedFrom === locale) {
    problems.push({
      file: relativePath,
      ...parsed.locate(['translatedFrom']),
      severity: 'error',
      message: `translatedFrom names the file's own language "${locale}": it must name the language of the original`,
    });
  }
  frontmatter.tags.forEach((tag, index) => {
    if (!knownTags.has(tag)) {
      problems.push({
        file: relativePath,
        ...parsed.locate(['tags', index]),
        severity: 'error',
        message: `tag "${tag}" has no name in the message catalogues`,
        hint: nearest(tag, [...knownTags])
          ? `did you mean "${nearest(tag, [...knownTags])}"? Otherwise add "${tag}" under "Tags" in messages/ar.json and messages/en.json`
          : `add "${tag}" under "Tags" in messages/ar.json and messages/en.json`,
      });
    }
  });

  const wordCount = countWords(splitFrontmatter(source).body);
  if (problems.length === problemsBefore) cache?.set(relativePath, source, frontmatter, wordCount);
  return { slug, locale, file, relativePath, dir, frontmatter, wordCount };
}

function checkTranslations(stories: Story[], problems: Problem[]): void {
  for (const story of stories) {
    for (const version of Object.values(story.versions)) {
      const from = version.frontmatter.translatedFrom;
      if (from && !story.versions[from]) {
        problems.push({
          file: version.relativePath,
          line: 1,
          column: 1,
          severity: 'error',
          message: `is marked as translated from "${from}" but the story has no ${from}.mdx`,
        });
      }
    }
  }
}

function hintFor(pathSegments: readonly PropertyKey[], input: unknown): string | undefined {
  if (pathSegments[0] === 'section' && typeof input === 'string') {
    const suggestion = nearest(input, sections);
    return suggestion ? `did you mean "${suggestion}"? Sections: ${sections.join(', ')}` : `sections: ${sections.join(', ')}`;
  }
  if (pathSegments[0] === 'section') return `sections: ${sections.join(', ')}`;
  if (pathSegments[0] === 'date' || pathSegments[0] === 'updated') return 'for example 2026-11-28';
  return undefined;
}

function nearestLocaleFile(name: string): string | undefined {
  const stem = name.replace(/\.[^.]*$/, '');
  const suggestion = nearest(stem, locales);
  return suggestion ? `rename it to ${suggestion}.mdx` : undefined;
}

function suggestSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'story-name'
  );
}

function tagCatalogue(): Set<string> {
  const sets = locales.map((locale) => new Set(Object.keys(loadMessages(locale).Tags)));
  return new Set([...sets[0]].filter((tag) => sets.every((set) => set.has(tag))));
}

/** Counts the words a reader reads: MDX tags, import lines and Markdown markup are not words. */
export function countWords(body: string): number {
  const prose = body
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/[#>*_`|[\]{}~-]+/g, ' ');
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** The calendar date against which scheduled stories are judged: `PUBLISH_DATE` or today (UTC). */
export function publishDate(): string {
  return process.env.PUBLISH_DATE ?? new Date().toISOString().slice(0, 10);
}

/**
 * Whether a version is on the public site. Drafts and stories dated in the future are left
 * out of production builds (every page, list, feed and sitemap) but shown while editing.
 */
export function isPublic(version: ArticleVersion, options: { preview?: boolean; today?: string } = {}): boolean {
  const preview = options.preview ?? process.env.NODE_ENV === 'development';
  if (preview) return true;
  return !version.frontmatter.draft && version.frontmatter.date <= (options.today ?? publishDate());
}

const memo = new Map<string, Story[]>();

/**
 * The published stories of a content folder, validated once per process. Throws a
 * ContentError listing every problem when any file is invalid: nothing is published then.
 */
export function loadStories(root: string = contentDir()): Story[] {
  const cached = memo.get(root);
  if (cached) return cached;
  // Build processes share parsed front matter through a disk cache; `next dev` re-reads every time.
  const cache = process.env.NODE_ENV === 'development' ? undefined : new VersionCache(root);
  const { stories, problems } = readContent(root, process.cwd(), cache);
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new ContentError(errors);
  const visible = stories
    .map((story) => ({
      slug: story.slug,
      versions: Object.fromEntries(Object.entries(story.versions).filter(([, version]) => isPublic(version))),
    }))
    .filter((story) => Object.keys(story.versions).length > 0);
  if (process.env.NODE_ENV !== 'development') memo.set(root, visible);
  return visible;
}

/** The public versions in one language, newest first (ties broken by slug for a stable order). */
export function storiesIn(locale: Locale, root?: string): ArticleVersion[] {
  return loadStories(root)
    .flatMap((story) => (story.versions[locale] ? [story.versions[locale]] : []))
    .sort((a, b) => b.frontmatter.date.localeCompare(a.frontmatter.date) || a.slug.localeCompare(b.slug));
}

const bySlug = new WeakMap<Story[], Map<string, Story>>();

/** A story by its slug: an index built once per story list, so each page's lookup costs the same at any N. */
export function findStory(slug: string, root?: string): Story | undefined {
  const stories = loadStories(root);
  let index = bySlug.get(stories);
  if (!index) {
    index = new Map(stories.map((story) => [story.slug, story]));
    bySlug.set(stories, index);
  }
  return index.get(slug);
}

export function isDirectory(file: string): boolean {
  return existsSync(file) && statSync(file).isDirectory();
}
