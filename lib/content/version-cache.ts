import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { correctionSchema, frontmatterSchema } from './schema';
import type { ArticleVersion } from './load';
import { writeFileAtomic } from '../write-atomic';

/**
 * A disk cache of validated front matter, so a build parses each story's YAML once instead of
 * once per build process (Next reads every story in its page-data worker and again in each
 * rendering worker), and a rebuild parses only the files that changed. Entries are keyed by a
 * hash of the file's text; the whole cache is keyed by the code and catalogues that decide what
 * is valid (lib/content/, i18n/, messages/, and the parser versions), so a change there starts
 * afresh. Only files that passed validation are stored: an invalid file is always re-read, so
 * an editor sees its problems every time. Cached values are parsed again with the schema on
 * the way out (cheap next to YAML), so nothing is trusted as a cast.
 */

type Entry = { hash: string; data: unknown };

/** What a version yields beyond its location: validated again on the way out of the cache. */
const cachedVersionSchema = z.object({
  frontmatter: frontmatterSchema,
  wordCount: z.number().int().nonnegative(),
  corrections: z.array(correctionSchema),
  contentHash: z.string(),
  images: z.array(z.string()),
});

export type CachedVersion = z.infer<typeof cachedVersionSchema>;

export const CONTENT_CACHE_DIR = path.resolve(
  process.env.CONTENT_CACHE_DIR ?? path.join(process.cwd(), 'node_modules', '.cache', 'sada-content'),
);

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? filesIn(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

/** What decides whether a file is valid and what it yields. */
export function validatorFingerprint(projectRoot: string = process.cwd()): string {
  const hash = createHash('sha256');
  for (const dir of ['lib/content', 'i18n', 'messages']) {
    for (const file of filesIn(path.join(projectRoot, dir))) hash.update(file.slice(projectRoot.length)).update('\0').update(readFileSync(file));
  }
  for (const name of ['yaml', 'zod']) {
    const manifest = path.join(projectRoot, 'node_modules', name, 'package.json');
    hash.update(existsSync(manifest) ? readFileSync(manifest) : name);
  }
  return hash.digest('hex');
}

export class VersionCache {
  private entries = new Map<string, Entry>();
  private dirty = false;
  private readonly file: string;

  constructor(root: string, projectRoot: string = process.cwd()) {
    const key = createHash('sha256').update(path.resolve(root)).update('\0').update(validatorFingerprint(projectRoot)).digest('hex');
    this.file = path.join(CONTENT_CACHE_DIR, `${key.slice(0, 32)}.json`);
    if (!existsSync(this.file)) return;
    try {
      const stored: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      if (stored && typeof stored === 'object') {
        for (const [name, entry] of Object.entries(stored)) {
          if (entry && typeof entry === 'object' && typeof entry.hash === 'string' && 'data' in entry) {
            this.entries.set(name, { hash: entry.hash, data: entry.data });
          }
        }
      }
    } catch {
      // A damaged cache is a cold cache.
    }
  }

  private static hash(source: string): string {
    return createHash('sha256').update(source).digest('hex');
  }

  /** What `source` yielded when this exact text last passed every check, if it did. */
  get(relativePath: string, source: string): CachedVersion | undefined {
    const entry = this.entries.get(relativePath);
    if (!entry || entry.hash !== VersionCache.hash(source)) return undefined;
    const parsed = cachedVersionSchema.safeParse(entry.data);
    return parsed.success ? parsed.data : undefined;
  }

  set(relativePath: string, version: ArticleVersion, source?: string): void {
    const text = source ?? readFileSync(version.file, 'utf8');
    const data: CachedVersion = {
      frontmatter: version.frontmatter,
      wordCount: version.wordCount,
      corrections: version.corrections,
      contentHash: version.contentHash,
      images: version.images,
    };
    this.entries.set(relativePath, { hash: VersionCache.hash(text), data });
    this.dirty = true;
  }

  /** Writes the cache (write then rename, so a parallel build process never reads half a file). */
  save(): void {
    if (!this.dirty) return;
    writeFileAtomic(this.file, JSON.stringify(Object.fromEntries(this.entries)));
    this.dirty = false;
  }
}
