import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createTranslator } from 'next-intl';
import { cache } from 'react';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { directionOf, intlLocale, locales, type Locale } from '@/i18n/locales';
import { loadMessages } from '@/i18n/messages';
import type { ArticleVersion } from './load';
import { rehypeExternalLinks } from './rehype-external-links';
import { ContentError, type Problem } from './problems';
import { remarkKit } from './remark-kit';
import { rehypeIsolateLtr } from './rehype-isolate-ltr';

/**
 * The only module that compiles MDX. It owns the plugin list, and caches compiled code on
 * disk (outside the source tree) keyed by everything that can change the output, so a
 * rebuild recompiles only the stories that changed.
 */

/** Bump when the plugin list or options below change in a way the package versions do not show. */
const PIPELINE_REVISION = '3';

export const CACHE_DIR = path.resolve(process.env.MDX_CACHE_DIR ?? path.join(process.cwd(), 'node_modules', '.cache', 'sada-mdx'));

/** The footnote section's heading and back-link label, in the story's language. */
function footnoteLabels(locale: Locale) {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: 'Footnotes' });
  const number = new Intl.NumberFormat(intlLocale(locale));
  // remark-rehype counts references from 0; readers count from 1, in their own digits.
  return { label: t('label'), back: (index: number) => t('backToReference', { n: number.format(index + 1) }) };
}

function packageVersion(name: string): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8'));
    return String(manifest.version);
  } catch {
    return 'unknown';
  }
}

const compilerFingerprint = [
  PIPELINE_REVISION,
  ...['mdx-bundler', 'esbuild', '@mdx-js/mdx', 'remark-gfm', 'rehype-slug'].map((name) => `${name}@${packageVersion(name)}`),
].join('|');

/**
 * Hash of the compiler, the labels compiled into the output, the story's source and every
 * other text file in its folder (what it may import).
 */
export function cacheKey(version: Pick<ArticleVersion, 'file' | 'dir' | 'locale'>): string {
  const labels = footnoteLabels(version.locale);
  const hash = createHash('sha256')
    .update(compilerFingerprint)
    .update('\0')
    .update(`${version.locale}|${labels.label}|${labels.back(0)}`)
    .update('\0')
    .update(readFileSync(version.file));
  const source = readFileSync(version.file, 'utf8');
  for (const name of readdirSync(version.dir).sort()) {
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
  options: { cacheDir?: string } = {},
): Promise<CompiledArticle> {
  const cacheDir = options.cacheDir ?? CACHE_DIR;
  const key = cacheKey(version);
  const cacheFile = path.join(cacheDir, `${key}.js`);
  const labels = footnoteLabels(version.locale);
  if (existsSync(cacheFile)) return { code: readFileSync(cacheFile, 'utf8'), fromCache: true };

  const { bundleMDX } = await import('mdx-bundler');
  let code: string;
  try {
    const result = await bundleMDX({
      file: version.file,
      cwd: version.dir,
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkKit];
        // Right-to-left stories isolate their Latin names and figures (lib/text/bidi.ts).
        const direction = directionOf(version.locale) === 'rtl' ? [rehypeIsolateLtr] : [];
        options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeSlug, rehypeExternalLinks, ...direction];
        options.remarkRehypeOptions = { ...options.remarkRehypeOptions, footnoteLabel: labels.label, footnoteBackLabel: labels.back };
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
    code = result.code;
  } catch (error) {
    throw new ContentError(toProblems(error, version.relativePath));
  }

  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a concurrent build worker never reads a half-written file.
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, cacheFile);
  return { code, fromCache: false };
}

/** Compiles a story once per render pass, shared between everything that asks for it. */
export const compileArticle = cache(async (version: ArticleVersion) => compileMdx(version));

type EsbuildMessage = { text: string; location?: { file?: string; line?: number; column?: number } | null };

function toProblems(error: unknown, relativePath: string): Problem[] {
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
