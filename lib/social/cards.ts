import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, setPriority } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import sharp from 'sharp';
import { directionOf, locales, type Locale } from '@/i18n/locales';
import { loadMessages } from '@/i18n/messages';
import { siteName } from '../config';
import { loadStories } from '../content/load';
import { sectionName } from '../taxonomy';
import { paths } from '../urls';
import { CARDS_GATE, CARDS_PROCESS } from '../build/cards-gate';
import { isRunning } from '../process-alive';
import { writeFileAtomic } from '../write-atomic';
import { CARD_CACHE_DIR, renderLogo, renderSocialCard, type SocialCardInput } from './card';

/**
 * The social cards of an export: one per story version beside its page, one per language for
 * every other page, and the publisher's logo. Each PNG is cached on disk under a hash of
 * everything that shapes it (its text, the renderer's source, the fonts and libraries), so a
 * rebuild renders only the cards whose story changed.
 */

export type CardJob =
  | { kind: 'card'; sitePath: string; input: SocialCardInput }
  | { kind: 'logo'; sitePath: string; input: { text: string; locale: Locale }[] };

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

/**
 * Renders every card of `jobs` that is not in the cache into it, one card per core. Nothing is
 * written into an export: `npm run build` runs this beside Next (scripts/cards.ts), before the
 * export folder exists.
 */
export function renderCards(jobs: CardJob[], options: { cacheDir?: string; concurrency?: number } = {}): Promise<CardReport> {
  return renderIntoCache(jobs, options.cacheDir ?? CARD_CACHE_DIR, rendererFingerprint(), options.concurrency);
}

async function renderIntoCache(jobs: CardJob[], cacheDir: string, fingerprint: string, concurrency = availableParallelism()): Promise<CardReport> {
  mkdirSync(cacheDir, { recursive: true });
  const report: CardReport = { rendered: 0, cached: 0 };
  const queue = [...jobs];

  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const cached = cachedCard(cacheDir, job, fingerprint);
      if (existsSync(cached)) {
        report.cached += 1;
      } else {
        const png = job.kind === 'logo' ? await renderLogo(job.input) : await renderSocialCard(job.input);
        writeFileAtomic(cached, png);
        report.rendered += 1;
      }
    }
  };
  // A card is too small for libvips to gain from its own threads (on two cores a card took
  // 19 ms of wall time with them, 11 ms without): one thread per card, one card per core.
  const threads = sharp.concurrency();
  sharp.concurrency(1);
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    sharp.concurrency(threads);
  }
  return report;
}

/** Writes every card into `outDir`, rendering only those not in the cache. */
export async function writeCards(
  outDir: string,
  jobs: CardJob[],
  options: { cacheDir?: string; concurrency?: number } = {},
): Promise<CardReport> {
  const cacheDir = options.cacheDir ?? CARD_CACHE_DIR;
  const fingerprint = rendererFingerprint();
  const report = await renderIntoCache(jobs, cacheDir, fingerprint, options.concurrency);
  for (const job of jobs) {
    const target = path.join(outDir, job.sitePath);
    mkdirSync(path.dirname(target), { recursive: true });
    placeCard(cachedCard(cacheDir, job, fingerprint), target);
  }
  return report;
}

/**
 * Puts a cached card into the export as a second name of the cache's file (a hard link), or a
 * copy where the two folders cannot share a file (another file system, or one without links).
 * A link writes no data and allocates no file (at 1,000 stories: 2,003 cards, 46 MB), and it
 * is safe because nothing changes a file in either place: the cache writes a new file and
 * renames it over the old name, and an export is replaced whole. Hosts receive ordinary files
 * (the Pages artifact is made with `tar --hard-dereference`).
 */
function placeCard(cached: string, target: string) {
  if (linkOrCopy(cached, target) !== 'exists') return;
  // A card left in this folder by an earlier run: kept if it is this very file, otherwise
  // replaced in one step (a link never replaces a file, a rename does).
  const [present, wanted] = [statSync(target), statSync(cached)];
  if (present.ino === wanted.ino && present.dev === wanted.dev) return;
  const temporary = `${target}.${process.pid}.tmp`;
  rmSync(temporary, { force: true });
  if (linkOrCopy(cached, temporary, target) === 'linked') renameSync(temporary, target);
}

/** Links `source` as `name`, or copies it to `copyTo` where the file system refuses the link. */
function linkOrCopy(source: string, name: string, copyTo = name): 'linked' | 'copied' | 'exists' {
  try {
    linkSync(source, name);
    return 'linked';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return 'exists';
    if (!LINK_REFUSED.has(code)) throw error;
  }
  copyFileSync(source, copyTo);
  return 'copied';
}

/** Errors of a file system that cannot link these two paths (not of a missing card). */
const LINK_REFUSED = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK', 'ENOSYS']);

function cachedCard(cacheDir: string, job: CardJob, fingerprint: string): string {
  return path.join(cacheDir, `${cardKey(job, fingerprint)}.png`);
}

/** Called by the cards process once every card is in the cache. */
export function openCardsGate(report: CardReport, env: Record<string, string | undefined> = process.env): void {
  const gate = env[CARDS_GATE];
  // Whole or not at all: the post-export step reads it as soon as it exists.
  if (gate) writeFileAtomic(gate, `${JSON.stringify(report)}\n`);
}

/**
 * Waits until the build's cards process has rendered every card, first raising it to normal
 * priority where the system allows it: from here on the export waits for it. Gives its
 * report, or undefined outside such a build (the post-export step then renders the cards itself).
 */
export async function waitForBuildCards(env: Record<string, string | undefined> = process.env, timeoutMs = 60 * 60_000): Promise<CardReport | undefined> {
  const gate = env[CARDS_GATE];
  if (!gate) return undefined;
  const pid = Number(env[CARDS_PROCESS]);
  // Only a process still at work is raised: once it has finished, its id may be another's.
  if (!existsSync(gate) && isRunning(pid)) raisePriority(pid);
  const started = Date.now();
  while (!existsSync(gate)) {
    if (!isRunning(pid)) {
      // It may have written the gate just before it exited.
      if (existsSync(gate)) break;
      throw new Error(`the social cards process (${pid}) stopped before it had rendered every card`);
    }
    if (Date.now() - started > timeoutMs) throw new Error(`the social cards were not rendered after ${Math.round(timeoutMs / 60_000)} minutes (${gate} was never written)`);
    await sleep(POLL_MS);
  }
  return JSON.parse(readFileSync(gate, 'utf8')) as CardReport;
}

const POLL_MS = 25;

/**
 * Every thread of the process back to normal priority (a Linux priority belongs to a thread;
 * the cards are drawn on libuv's). Raising a priority takes a privilege (root, as in CI, or
 * CAP_SYS_NICE) that an editor's own machine may not grant: the cards then finish at the
 * lowest priority, sharing the cores with the search index.
 */
function raisePriority(pid: number): void {
  let threads: number[] = [pid];
  try {
    threads = readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    // No /proc (not Linux): the process as a whole.
  }
  for (const thread of threads) {
    try {
      setPriority(thread, 0);
    } catch (error) {
      // A thread that has ended meanwhile is skipped; a refusal holds for every thread.
      if ((error as { info?: { code?: string } }).info?.code !== 'ESRCH') return;
    }
  }
}
