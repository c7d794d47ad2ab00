import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { translator } from '@/i18n/translator';
import { compile, createProcessor } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import { cache } from 'react';
import type { PluggableList } from 'unified';
import { VFile } from 'vfile';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { directionOf, intlLocale, locales, type Locale } from '@/i18n/locales';
import { splitFrontmatter } from './frontmatter';
import type { ArticleVersion } from './load';
import { rehypeExternalLinks } from './rehype-external-links';
import { analyse, analyseTree, holdsScript, syntaxErrorFacts, type BodyParser } from './mdx-analyse';
import { ContentError, type Problem } from './problems';
import { remarkKit } from './remark-kit';
import { rehypeIsolateLtr } from './rehype-isolate-ltr';
import { writeFileAtomic } from '../write-atomic';

/**
 * The only module that compiles MDX. It owns the plugin list, and caches compiled code on
 * disk (outside the source tree) keyed by everything that can change the output, so a
 * rebuild recompiles only the stories that changed.
 */

/** Bump when the plugin list or options below change in a way the package versions do not show. */
const PIPELINE_REVISION = '4';

export const CACHE_DIR = path.resolve(process.env.MDX_CACHE_DIR ?? path.join(process.cwd(), 'node_modules', '.cache', 'sada-mdx'));

const labelsByLocale = new Map<Locale, { label: string; back: (index: number) => string }>();

/** The footnote section's heading and back-link label, in the story's language. */
function footnoteLabels(locale: Locale) {
  let labels = labelsByLocale.get(locale);
  if (!labels) {
    const t = translator(locale, 'Footnotes');
    const number = new Intl.NumberFormat(intlLocale(locale));
    // remark-rehype counts references from 0; readers count from 1, in their own digits.
    labels = { label: t('label'), back: (index: number) => t('backToReference', { n: number.format(index + 1) }) };
    labelsByLocale.set(locale, labels);
  }
  return labels;
}

function packageVersion(name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8'));
    return String(manifest.version);
  } catch {
    return 'unknown';
  }
}

/** Our own code that shapes compiled output: the plugins, the kit they check against, the front-matter split. */
const PIPELINE_SOURCES = [
  'lib/content/compile.ts',
  'lib/content/frontmatter.ts',
  'lib/content/kit.ts',
  'lib/content/remark-kit.ts',
  'lib/content/rehype-external-links.ts',
  'lib/content/rehype-isolate-ltr.ts',
  'lib/text/bidi.ts',
];

function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of PIPELINE_SOURCES) {
    const full = path.join(process.cwd(), file);
    hash.update(file).update('\0').update(existsSync(full) ? readFileSync(full) : 'missing');
  }
  return hash.digest('hex');
}

const compilerFingerprint = [
  PIPELINE_REVISION,
  sourceHash(),
  ...['mdx-bundler', 'esbuild', '@mdx-js/mdx', 'remark-gfm', 'rehype-slug'].map((name) => `${name}@${packageVersion(name)}`),
].join('|');

/**
 * Hash of the compiler, the labels compiled into the output, the story's source and every
 * other text file in its folder (what it may import).
 */
export function cacheKey(
  version: Pick<ArticleVersion, 'file' | 'dir' | 'locale'>,
  source: string = readFileSync(version.file, 'utf8'),
  /** The names in the story's folder, when the caller has just listed it. */
  folder: readonly string[] = readdirSync(version.dir),
): string {
  const labels = footnoteLabels(version.locale);
  // Keyed by the text that is compiled, read once: a file saved again meanwhile gets its own key.
  const hash = createHash('sha256')
    .update(compilerFingerprint)
    .update('\0')
    .update(`${version.locale}|${labels.label}|${labels.back(0)}`)
    .update('\0')
    .update(source);
  for (const name of [...folder].sort()) {
    const file = path.join(version.dir, name);
    if (file === version.file || !/\.(mdx?|jsx?|tsx?|json|css)$/.test(name)) continue;
    // The other language versions are not part of this one unless it names them in an import.
    if (isLanguageVersion(name) && !source.includes(name)) continue;
    hash.update('\0').update(name).update('\0').update(readFileSync(file));
  }
  return hash.digest('hex');
}

function isLanguageVersion(name: string): boolean {
  return (locales as readonly string[]).some((locale) => name === `${locale}.mdx`);
}

export type CompiledArticle = { code: string; fromCache: boolean };

export async function compileMdx(
  version: Pick<ArticleVersion, 'file' | 'dir' | 'relativePath' | 'locale'>,
  options: {
    cacheDir?: string;
    /** Compile with the bundler even without imports, and bypass the cache (tests compare the two paths). */
    alwaysBundle?: boolean;
  } = {},
): Promise<CompiledArticle> {
  const cacheDir = options.cacheDir ?? CACHE_DIR;
  const source = readFileSync(version.file, 'utf8');
  const cacheFile = path.join(cacheDir, `${cacheKey(version, source)}.js`);
  const labels = footnoteLabels(version.locale);
  if (!options.alwaysBundle && existsSync(cacheFile)) return { code: readFileSync(cacheFile, 'utf8'), fromCache: true };

  const { body, bodyStartLine } = splitFrontmatter(source);
  let code: string;
  try {
    code = options.alwaysBundle || importsFiles(body) ? await bundle(version, labels, source) : await compileDirect(body, version.locale, labels);
  } catch (error) {
    throw new ContentError(toProblems(error, version.relativePath, bodyStartLine));
  }
  if (options.alwaysBundle) return { code, fromCache: false };

  writeFileAtomic(cacheFile, code);
  return { code, fromCache: false };
}

/**
 * The content check's BodyParser (lib/content/mdx-analyse.ts): it compiles the story from the
 * parse that gives the check its facts, and stores the code where compileMdx looks first, so
 * the pages rendered after the export find every story compiled (at 1,000 stories the check
 * then parses 2,000 bodies and the renderer none, instead of both parsing all of them;
 * docs/decisions/014). The facts are taken from the tree as the parser gives it, before MDX's
 * own steps and our plugins change it, so they are the ones a plain parse gives. A body with
 * JavaScript, or one that imports files (which needs the bundler), is only parsed: its tree is
 * never run through the compile, so its syntax trees go on to the check untouched, and the
 * renderer compiles it as before. A compile that
 * fails after the parse stores nothing, and the renderer reports the failure with the story's
 * path and line; a cache that cannot be written only costs the renderer the compile.
 * `source` is the whole file as the check read it: the code is stored under its key.
 */
export function compilingParser(
  version: Pick<ArticleVersion, 'file' | 'dir' | 'locale'> & { source: string; folder?: readonly string[] },
  options: { cacheDir?: string } = {},
): BodyParser {
  return (body, lineOffset) => {
    const processor = directProcessor(version.locale);
    if (!processor) return analyse(body, lineOffset);
    const file = new VFile(body);
    let tree: Root;
    try {
      tree = processor.parse(file) as Root;
    } catch (error) {
      return syntaxErrorFacts(error, lineOffset);
    }
    const facts = analyseTree(tree, lineOffset);
    if (holdsScript(facts) || importsFiles(body)) return facts;
    try {
      // MDX types the processor's trees as the compiled program; the parse gives Markdown's tree.
      const compiled = processor.stringify(processor.runSync(tree as unknown as Parameters<typeof processor.runSync>[0], file), file);
      writeFileAtomic(path.join(options.cacheDir ?? CACHE_DIR, `${cacheKey(version, version.source, version.folder)}.js`), wrapDirect(String(compiled)));
    } catch {
      // Left to the renderer, which compiles the story itself and reports any failure.
    }
    return facts;
  };
}

const directProcessors = new Map<Locale, DirectProcessor | null>();
type DirectProcessor = ReturnType<typeof createProcessor>;

/**
 * MDX's processor with the direct path's options, made (and its plugins set up) once per
 * language; null if that fails, so the check falls back to a plain parse instead of reporting a
 * set-up fault as a syntax error in a story, and the renderer reports it when it compiles.
 */
function directProcessor(locale: Locale): DirectProcessor | null {
  if (!directProcessors.has(locale)) {
    let processor: DirectProcessor | null;
    try {
      processor = createProcessor(directOptions(locale, footnoteLabels(locale))).freeze() as DirectProcessor;
    } catch {
      processor = null;
    }
    directProcessors.set(locale, processor);
  }
  return directProcessors.get(locale)!;
}

type Labels = ReturnType<typeof footnoteLabels>;

/** The plugins and options of both compile paths: a story renders the same whichever it takes. */
function pipeline(locale: Locale, labels: Labels) {
  // Right-to-left stories isolate their Latin names and figures (lib/text/bidi.ts).
  const direction = directionOf(locale) === 'rtl' ? [rehypeIsolateLtr] : [];
  return {
    remarkPlugins: [remarkGfm, remarkKit],
    rehypePlugins: [rehypeSlug, rehypeExternalLinks, ...direction],
    remarkRehypeOptions: { footnoteLabel: labels.label, footnoteBackLabel: labels.back },
  };
}

/**
 * Whether a story body has import or export lines (MDX reads a line starting with either as
 * code). Only such a story needs the bundler, to resolve the files it imports from its folder.
 */
export function importsFiles(body: string): boolean {
  return /^(?:import|export)\b/m.test(body);
}

/**
 * The common case, a story without imports: compiled by MDX alone, about a fifth of the
 * bundler's time (4-6 ms against 23 ms per story). The result keeps mdx-bundler's contract
 * (a function body run with React, ReactDOM and the JSX runtime that returns the module), so
 * both kinds of compiled story render through the same getMDXComponent.
 */
async function compileDirect(body: string, locale: Locale, labels: Labels): Promise<string> {
  return wrapDirect(String(await compile(body, directOptions(locale, labels))));
}

/** MDX's options for a story without imports (the same whether compiled now or in the check). */
function directOptions(locale: Locale, labels: Labels) {
  const plugins = pipeline(locale, labels);
  return {
    outputFormat: 'function-body' as const,
    development: false,
    remarkPlugins: plugins.remarkPlugins as PluggableList,
    rehypePlugins: plugins.rehypePlugins as PluggableList,
    remarkRehypeOptions: { ...plugins.remarkRehypeOptions },
  };
}

function wrapDirect(compiled: string): string {
  return `return (function () {\n${compiled}\n})(_jsx_runtime);`;
}

/** A story that imports files from its folder: bundled with them by mdx-bundler and esbuild. */
async function bundle(version: Pick<ArticleVersion, 'file' | 'dir' | 'locale'>, labels: Labels, source: string): Promise<string> {
  const { bundleMDX } = await import('mdx-bundler');
  const plugins = pipeline(version.locale, labels);
  const result = await bundleMDX({
    // The text already read (and keyed), under the file's own path: the bundler does not read it again.
    source: new VFile({ value: source, path: version.file }),
    cwd: version.dir,
    mdxOptions(options) {
      options.remarkPlugins = [...(options.remarkPlugins ?? []), ...plugins.remarkPlugins];
      options.rehypePlugins = [...(options.rehypePlugins ?? []), ...plugins.rehypePlugins];
      options.remarkRehypeOptions = { ...options.remarkRehypeOptions, ...plugins.remarkRehypeOptions };
      return options;
    },
    esbuildOptions(options) {
      options.minify = true;
      options.target = 'es2022';
      options.legalComments = 'none';
      // Problems reach the editor as our own `path:line:column  message` lines, not esbuild's log.
      options.logLevel = 'silent';
      return options;
    },
  });
  return result.code;
}

/** Compiles a story once per render pass, shared between everything that asks for it. */
export const compileArticle = cache(async (version: ArticleVersion) => compileMdx(version));

type EsbuildMessage = { text: string; location?: { file?: string; line?: number; column?: number } | null };

function toProblems(error: unknown, relativePath: string, bodyStartLine: number): Problem[] {
  const messages = (error as { errors?: EsbuildMessage[] }).errors;
  if (Array.isArray(messages) && messages.length > 0) {
    return messages.map((message) => ({
      file: relativePath,
      line: message.location?.line ?? 1,
      column: (message.location?.column ?? 0) + 1,
      severity: 'error' as const,
      message: `the story could not be read as MDX: ${cleanMessage(message.text)}`,
    }));
  }
  // MDX's own messages (the direct path) count lines from the start of the body.
  const place = error as { line?: unknown; column?: unknown; reason?: unknown };
  if (typeof place.line === 'number' && typeof place.reason === 'string') {
    return [
      {
        file: relativePath,
        line: place.line + bodyStartLine - 1,
        column: typeof place.column === 'number' ? place.column : 1,
        severity: 'error',
        message: `the story could not be read as MDX: ${cleanMessage(place.reason)}`,
      },
    ];
  }
  return [
    {
      file: relativePath,
      line: 1,
      column: 1,
      severity: 'error',
      message: `the story could not be compiled: ${error instanceof Error ? cleanMessage(error.message) : String(error)}`,
    },
  ];
}

function cleanMessage(text: string): string {
  return text.split('\n')[0].trim();
}
