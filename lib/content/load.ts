import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isLocale, locales, type Locale } from '@/i18n/locales';
import { loadMessages } from '@/i18n/messages';
import { parseFrontmatter, splitFrontmatter } from './frontmatter';
import { referencedImages } from './media';
import { waitForContentCheck } from './check-gate';
import { analyseMdx, type BodyParser, type MdxFacts, type MdxFactsCache } from './mdx-analyse';
import { checkMdx, type StoryIndex } from './mdx-check';
import { ContentError, nearest, sortProblems, type Problem } from './problems';
import { findPlaceholders } from './scaffold';
import { frontmatterSchema, isRealIsoDate, SLUG_PATTERN, type Correction, type Frontmatter } from './schema';
import { sections } from './sections';
import { findInvisibleCharacters } from './text-checks';
import { HASH_FIELD, originalHash } from './translation';
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
  /** Every correction, oldest first: those in the front matter and each <Correction> in the text. */
  corrections: Correction[];
  /** Hash of the words (title, summary, body) a translation of this version would follow. */
  contentHash: string;
  /** The images the body shows (every <Figure src> and Markdown image), as written. */
  images: string[];
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
export function readContent(
  root: string,
  projectRoot: string = process.cwd(),
  options: {
    today?: string;
    /** Read unchanged versions from this cache and store the others in it. */
    cache?: VersionCache;
    /** Check every version afresh, then store the valid ones here for the build's other processes. */
    fillCache?: VersionCache;
    /** Reuse and keep the parsed bodies (the checks themselves all run again). */
    factsCache?: MdxFactsCache;
    /** How to read a version's body (the check compiles it from the same parse: compilingParser). */
    bodyParser?: (version: { file: string; dir: string; locale: Locale; source: string; folder: readonly string[] }) => BodyParser;
  } = {},
): LoadResult {
  const articlesDir = path.join(root, 'articles');
  const problems: Problem[] = [];
  const stories: Story[] = [];
  const relative = (file: string) => path.relative(projectRoot, file).split(path.sep).join('/');

  if (!existsSync(articlesDir)) {
    problems.push({ file: relative(articlesDir), line: 1, column: 1, severity: 'error', message: 'the articles folder does not exist' });
    return { stories, problems };
  }

  const knownTags = tagCatalogue();
  const pending: Pending[] = [];
  const claimed = new Map<string, string>();
  /** Language files that exist, valid or not: a link to an invalid one is not reported twice. */
  const present = new Map<string, Locale[]>();

  for (const folder of storyFolders(articlesDir, relative, problems)) {
    const { slug, dir } = folder;
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
    const earlier = claimed.get(slug);
    if (earlier) {
      problems.push({
        file: relative(dir),
        line: 1,
        column: 1,
        severity: 'error',
        message: `two stories claim the address "${slug}": this folder and ${earlier}`,
        hint: 'every story needs its own folder name; rename one of them',
      });
      continue;
    }
    claimed.set(slug, relative(dir));

    const story: Story = { slug, versions: {} };
    const names = readdirSync(dir);
    const mdxFiles = names.filter((name) => name.endsWith('.mdx') || name.endsWith('.md')).sort();
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
      present.set(slug, [...(present.get(slug) ?? []), locale]);
      const read = readVersion({ file, relativePath: relative(file), slug, locale, dir, folder: names, knownTags, problems, cache: options.cache, factsCache: options.factsCache, bodyParser: options.bodyParser });
      if (read) {
        story.versions[locale] = read.version;
        pending.push(read);
      }
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

  const index = storyIndex(stories, present, options.today);
  for (const { version, facts, source } of pending) {
    // A cached version passed every check before, with this exact text (see version-cache.ts).
    if (!facts) continue;
    problems.push(
      ...checkMdx(facts, {
        file: version.relativePath,
        dir: version.dir,
        locale: version.locale,
        date: version.frontmatter.date,
        stories: index,
      }),
    );
    if (!version.frontmatter.draft) problems.push(...findPlaceholders(source, version.relativePath));
    checkCorrections(version, facts, problems);
  }

  checkTranslations(stories, pending, problems);
  const store = options.cache ?? options.fillCache;
  if (store) {
    const withProblems = new Set(problems.map((problem) => problem.file));
    for (const { version, facts, source } of pending) {
      if (facts && !withProblems.has(version.relativePath)) store.set(version.relativePath, version, source);
    }
    store.save();
  }
  options.factsCache?.save();
  return { stories, problems };
}

function readVersion(input: {
  file: string;
  relativePath: string;
  slug: string;
  locale: Locale;
  dir: string;
  /** The names in the story's folder, as listed when it was read. */
  folder: readonly string[];
  knownTags: Set<string>;
  problems: Problem[];
  cache?: VersionCache;
  factsCache?: MdxFactsCache;
  bodyParser?: (version: { file: string; dir: string; locale: Locale; source: string; folder: readonly string[] }) => BodyParser;
}): Pending | null {
  const { file, relativePath, slug, locale, dir, folder, knownTags, problems, cache, factsCache, bodyParser } = input;
  const source = readFileSync(file, 'utf8');
  const cached = cache?.get(relativePath, source);
  if (cached) return { version: { slug, locale, file, relativePath, dir, ...cached }, facts: null, source };
  problems.push(...findInvisibleCharacters(source, relativePath));
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
        hint: issue.code === 'custom' ? undefined : hintFor(issue.path, issue.input),
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

  const split = splitFrontmatter(source);
  const facts = analyseMdx(split.body, split.bodyStartLine, factsCache, bodyParser?.({ file, dir, locale, source, folder }));
  const inline = facts.elements
    .filter((element) => element.name === 'Correction')
    .flatMap((element) => {
      const date = element.attributes.find((attribute) => attribute.name === 'date')?.value;
      return date?.kind === 'text' && isRealIsoDate(date.text) && element.text ? [{ date: date.text, text: element.text }] : [];
    });
  const version: ArticleVersion = {
    slug,
    locale,
    file,
    relativePath,
    dir,
    frontmatter,
    wordCount: countWords(split.body),
    corrections: [...frontmatter.corrections, ...inline].sort((a, b) => a.date.localeCompare(b.date)),
    contentHash: originalHash(source, frontmatter),
    images: referencedImages(facts),
  };
  return { version, facts, source, locate: parsed.locate };
}

type Pending = {
  version: ArticleVersion;
  /** The MDX analysis, or null for a version taken from the cache (already checked). */
  facts: MdxFacts | null;
  source: string;
  locate?: (path: readonly PropertyKey[]) => { line: number; column: number };
};

/**
 * The story folders under articles/: `articles/<slug>/`, or one level down in a grouping
 * folder such as `articles/2025/<slug>/` (an archive by year). The address is the story
 * folder's name either way, so moving a story into an archive folder keeps its links.
 */
export function storyFolders(
  articlesDir: string,
  relative: (file: string) => string = (file) => file,
  problems: Problem[] = [],
): { slug: string; dir: string }[] {
  const folders: { slug: string; dir: string }[] = [];
  for (const entry of readdirSync(articlesDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(articlesDir, entry.name);
    if (!entry.isDirectory()) {
      if (/\.mdx?$/.test(entry.name)) {
        const stem = entry.name.replace(/\.mdx?$/, '');
        problems.push({
          file: relative(full),
          line: 1,
          column: 1,
          severity: 'error',
          message: 'a story file must be inside its own folder, or it is never published',
          hint: `move it to articles/${suggestSlug(stem)}/${isLocale(stem) ? stem : 'ar'}.mdx`,
        });
      }
      continue;
    }
    const children = readdirSync(full, { withFileTypes: true });
    const isGroup = children.some((child) => child.isDirectory()) && !children.some((child) => /\.mdx?$/.test(child.name));
    if (!isGroup) {
      folders.push({ slug: entry.name, dir: full });
      continue;
    }
    for (const child of children.filter((candidate) => candidate.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      folders.push({ slug: child.name, dir: path.join(full, child.name) });
    }
  }
  return folders;
}

function storyIndex(stories: Story[], present: Map<string, Locale[]>, today?: string): StoryIndex {
  const index: StoryIndex = new Map();
  // An invalid file counts as present (its own problems are reported), so links to it are not.
  for (const [slug, found] of present) {
    index.set(slug, Object.fromEntries(found.map((locale) => [locale, { public: true, date: '', draft: false }])));
  }
  const valid = new Map(
    stories.map((story) => [
      story.slug,
      Object.fromEntries(
        Object.values(story.versions).map((version) => [
          version.locale,
          { public: isPublic(version, { preview: false, today }), date: version.frontmatter.date, draft: version.frontmatter.draft },
        ]),
      ),
    ]),
  );
  for (const [slug, versions] of valid) index.set(slug, { ...index.get(slug), ...versions });
  return index;
}

/** A correction in the text should be reflected in `updated`, so readers see the story changed. */
function checkCorrections(version: ArticleVersion, facts: MdxFacts, problems: Problem[]): void {
  const latest = version.corrections.at(-1);
  const shown = version.frontmatter.updated ?? version.frontmatter.date;
  if (!latest || latest.date <= shown) return;
  const inline = facts.elements.find(
    (element) =>
      element.name === 'Correction' &&
      element.attributes.some((attribute) => attribute.value.kind === 'text' && attribute.value.text === latest.date),
  );
  problems.push({
    file: version.relativePath,
    line: inline?.line ?? 1,
    column: inline?.column ?? 1,
    severity: 'warning',
    message: `the story has a correction dated ${latest.date} but says it was last updated ${shown}`,
    hint: `set updated: ${latest.date} in the front matter`,
  });
}

function checkTranslations(stories: Story[], pending: Pending[], problems: Problem[]): void {
  for (const story of stories) {
    for (const version of Object.values(story.versions)) {
      const from = version.frontmatter.translatedFrom;
      if (!from) continue;
      const original = story.versions[from];
      if (!original) {
        problems.push({
          file: version.relativePath,
          line: 1,
          column: 1,
          severity: 'error',
          message: `is marked as translated from "${from}" but the story has no ${from}.mdx`,
        });
        continue;
      }
      const recorded = version.frontmatter[HASH_FIELD];
      if (recorded === original.contentHash) continue;
      const locate = pending.find((entry) => entry.version === version)?.locate;
      const at = locate?.(recorded ? [HASH_FIELD] : ['translatedFrom']) ?? { line: 1, column: 1 };
      problems.push({
        file: version.relativePath,
        ...at,
        severity: 'warning',
        message: recorded
          ? `stale translation: ${original.relativePath} has changed since this translation was last reviewed`
          : `the translation has never been marked as reviewed against ${original.relativePath}`,
        hint: `bring the translation up to date, then run: npm run check -- --fix-translation-hash ${story.slug}`,
      });
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

const MEMO = Symbol.for('sada.published-stories');
// Kept on the process, not the module: Next's build loads this module once for collecting the
// pages' data and again for rendering them, in the same worker (about 0.4 s each at 1,000 stories).
const memo: Map<string, Story[]> = ((globalThis as { [MEMO]?: Map<string, Story[]> })[MEMO] ??= new Map());

/**
 * The published stories of a content folder, validated once per process. Throws a
 * ContentError listing every problem when any file is invalid: nothing is published then.
 */
export function loadStories(root: string = contentDir()): Story[] {
  const cached = memo.get(root);
  if (cached) return cached;
  // In `npm run build`, Next compiles while the check runs; its first read of the content waits for it.
  waitForContentCheck();
  // Build processes share parsed front matter through a disk cache; `next dev` re-reads every time.
  const cache = isDevelopment() ? undefined : new VersionCache(root);
  const { stories, problems } = readContent(root, process.cwd(), { cache });
  const errors = problems.filter((problem) => problem.severity === 'error');
  // While editing, the valid stories stay visible and every page lists the problems instead
  // (see contentProblems); a production build publishes nothing while any file is invalid.
  if (errors.length > 0 && !isDevelopment()) throw new ContentError(errors);
  const visible = stories
    .map((story) => ({
      slug: story.slug,
      versions: Object.fromEntries(Object.entries(story.versions).filter(([, version]) => isPublic(version))),
    }))
    .filter((story) => Object.keys(story.versions).length > 0);
  if (!isDevelopment()) memo.set(root, visible);
  return visible;
}

function isDevelopment(): boolean {
  return process.env.NODE_ENV === 'development';
}

/** Every problem in the content folder, sorted; read afresh on each call while editing. */
export function contentProblems(root: string = contentDir()): Problem[] {
  return sortProblems(readContent(root).problems);
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

/**
 * The address of every story folder that holds a file in `locale`, valid or not: while editing,
 * each is a page, so a story whose front matter breaks explains its problems at its own address
 * (`next dev` answers a path missing from a page's static params with an error, not the page).
 */
export function editableSlugs(locale: Locale, root: string = contentDir()): string[] {
  const articles = path.join(root, 'articles');
  if (!isDirectory(articles)) return [];
  return storyFolders(articles)
    .filter((folder) => existsSync(path.join(folder.dir, `${locale}.mdx`)))
    .map((folder) => folder.slug);
}

export function isDirectory(file: string): boolean {
  return existsSync(file) && statSync(file).isDirectory();
}
