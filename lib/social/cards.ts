import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { directionOf, locales, type Locale } from '@/i18n/locales';
import { loadMessages } from '@/i18n/messages';
import { siteName } from '../config';
import { loadStories } from '../content/load';
import { sectionName } from '../taxonomy';
import { paths } from '../urls';
import { writeFileAtomic } from '../write-atomic';
import { renderLogo, renderSocialCard, type SocialCardInput } from './card';

/**
 * The social cards of an export: one per story version beside its page, one per language for
 * every other page, and the publisher's logo. Each PNG is cached on disk under a hash of
 * everything that shapes it (its text, the renderer's source, the fonts and libraries), so a
 * rebuild renders only the cards whose story changed.
 */

export type CardJob =
  | { kind: 'card'; sitePath: string; input: SocialCardInput }
  | { kind: 'logo'; sitePath: string; input: { text: string; locale: Locale }[] };

export const CARD_CACHE_DIR = path.resolve(process.env.CARD_CACHE_DIR ?? path.join(process.cwd(), 'node_modules', '.cache', 'sada-cards'));

/** Every card the export needs, from the published stories. */
export function cardJobs(): CardJob[] {
  const jobs: CardJob[] = [];
  for (const story of loadStories()) {
    for (const version of Object.values(story.versions)) {
      if (!version) continue;
      jobs.push({
        kind: 'card',
        sitePath: paths.storyCard(version.locale, story.slug),
        input: {
          title: version.frontmatter.title,
          siteName: siteName[version.locale],
          sectionLabel: sectionName(version.locale, version.frontmatter.section),
          locale: version.locale,
          dir: directionOf(version.locale),
        },
      });
    }
  }
  for (const locale of locales) {
    jobs.push({
      kind: 'card',
      sitePath: paths.siteCard(locale),
      input: { title: loadMessages(locale).Metadata.tagline, siteName: siteName[locale], locale, dir: directionOf(locale) },
    });
  }
  jobs.push({ kind: 'logo', sitePath: paths.logo(), input: locales.map((locale) => ({ text: siteName[locale], locale })) });
  return jobs;
}

function packageVersion(name: string): string {
  try {
    return String(JSON.parse(readFileSync(path.join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8')).version);
  } catch {
    return 'unknown';
  }
}

/** Everything besides a card's own text that changes its pixels. */
function rendererFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of ['lib/social/card.ts']) hash.update(readFileSync(path.join(process.cwd(), file)));
  for (const name of ['sharp', 'subset-font', '@fontsource/noto-naskh-arabic', '@fontsource-variable/source-serif-4']) {
    hash.update(`${name}@${packageVersion(name)}`);
  }
  return hash.digest('hex');
}

export function cardKey(job: CardJob, fingerprint: string): string {
  return createHash('sha256').update(fingerprint).update('\0').update(JSON.stringify([job.kind, job.input])).digest('hex');
}

export type CardReport = { rendered: number; cached: number };

/** Writes every card into `outDir`, rendering only those not in the cache. */
export async function writeCards(
  outDir: string,
  jobs: CardJob[],
  options: { cacheDir?: string; concurrency?: number } = {},
): Promise<CardReport> {
  const cacheDir = options.cacheDir ?? CARD_CACHE_DIR;
  mkdirSync(cacheDir, { recursive: true });
  const fingerprint = rendererFingerprint();
  const report: CardReport = { rendered: 0, cached: 0 };
  const queue = [...jobs];

  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const cached = path.join(cacheDir, `${cardKey(job, fingerprint)}.png`);
      if (existsSync(cached)) {
        report.cached += 1;
      } else {
        const png = job.kind === 'logo' ? await renderLogo(job.input) : await renderSocialCard(job.input);
        writeFileAtomic(cached, png);
        report.rendered += 1;
      }
      const target = path.join(outDir, job.sitePath);
      mkdirSync(path.dirname(target), { recursive: true });
      copyFileSync(cached, target);
    }
  };
  // A card is too small for libvips to gain from its own threads (on two cores a card took
  // 19 ms of wall time with them, 11 ms without): one thread per card, one card per core.
  const threads = sharp.concurrency();
  sharp.concurrency(1);
  try {
    await Promise.all(Array.from({ length: options.concurrency ?? availableParallelism() }, worker));
  } finally {
    sharp.concurrency(threads);
  }
  return report;
}
