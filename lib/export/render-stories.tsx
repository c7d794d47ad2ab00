import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { renderToString } from 'react-dom/server';
import { storyPageMetadata, StoryPageContent } from '@/components/article/StoryPage';
import { ListingPageContent, listingPageMetadata } from '@/components/listing/ListingPage';
import { locales, type Locale } from '@/i18n/locales';
import { compileMdx } from '@/lib/content/compile';
import { loadStories, type Story } from '@/lib/content/load';
import { editionMetadata } from '@/lib/metadata';
import { runTsScript } from '@/lib/node-script';
import { getListing, listingPageRefs, type ListingPageRef } from '@/lib/listing/listings';
import { paths } from '@/lib/urls';
import { mergeSources } from './csp';
import { finalizePage, type FinalizedPages } from './postexport';
import { stripRuntime } from './strip-runtime';
import { assemblePage, firstDifference, frameFrom, listingPagesRenderedByNext, metadataTags, storiesRenderedByNext, storyPagesMode, type Frame } from './story-pages';

/**
 * Renders the story and listing pages Next did not (see lib/export/story-pages.ts) into the
 * export, and in STORY_PAGES=next mode compares every such page Next rendered with this
 * renderer's. Runs after `next build`, before the search index reads the pages. Only this
 * module and the post-export script load react-dom/server; Next's component graph never sees it.
 */

export type StoryPagesReport = {
  rendered: number;
  compared: number;
  fromNext: number;
  /** Milliseconds spent per kind of work, added up over the processes. */
  ms: { load: number; compile: number; render: number; finalize: number; write: number };
  /**
   * The pages written here, already static (runtime stripped, Content-Security-Policy in
   * place: `finalizePage`), which the last post-export pass then leaves alone. Done here, in
   * one process per core, the work no longer waits for the search index and the cards.
   */
  finalized: FinalizedPages;
};

const noPages = (): FinalizedPages => ({ files: [], sources: mergeSources([]), removedScripts: 0, inlineScripts: 0, problems: [] });

/** Where a story page lives in the export (Next writes `<path>/index.html` without the base path). */
export function storyPageFile(outDir: string, locale: Locale, slug: string): string {
  return path.join(outDir, ...paths.story(locale, slug).split('/').filter(Boolean), 'index.html');
}

/** Where a listing page lives in the export. */
export function listingPageFile(outDir: string, ref: ListingPageRef): string {
  return path.join(outDir, ...getListing(ref.kind, ref.locale, ref.id).pathFor(ref.page).split('/').filter(Boolean), 'index.html');
}

type Rendered = { metadata: string; content: string };

/**
 * One page the step is responsible for: its file, whether Next rendered it, and how to render
 * it here. Pages of one group (a kind of page in one language) share a frame.
 */
type PageJob = { group: string; locale: Locale; file: string; byNext: boolean; render: () => Promise<Rendered> };

function pageJobs(stories: readonly Story[], outDir: string, mode: ReturnType<typeof storyPagesMode>, ms: StoryPagesReport['ms']): PageJob[] {
  const jobs: PageJob[] = [];
  for (const locale of locales) {
    const byNext = new Set(storiesRenderedByNext(locale, stories, mode));
    // The witness (the first page by address that Next rendered) comes first in its group.
    const inLocale = stories.filter((story) => story.versions[locale]).sort((a, b) => Number(!byNext.has(a.slug)) - Number(!byNext.has(b.slug)) || compare(a.slug, b.slug));
    for (const story of inLocale) {
      const version = story.versions[locale]!;
      jobs.push({
        group: `story/${locale}`,
        locale,
        file: storyPageFile(outDir, locale, story.slug),
        byNext: byNext.has(story.slug),
        render: async () => {
          const { code } = await timed(ms, 'compile', () => compileMdx(version));
          return timed(ms, 'render', () => ({
            metadata: metadataTags(storyPageMetadata(story, version), editionMetadata(locale)),
            content: renderToString(<StoryPageContent story={story} version={version} code={code} />),
          }));
        },
      });
    }
    for (const kind of ['section', 'tag'] as const) {
      const renderedByNext = new Set(listingPagesRenderedByNext(kind, locale, mode).map(refKey));
      const refs = listingPageRefs(kind, locale).sort((a, b) => Number(!renderedByNext.has(refKey(a))) - Number(!renderedByNext.has(refKey(b))));
      for (const ref of refs) {
        jobs.push({
          group: `${kind}/${locale}`,
          locale,
          file: listingPageFile(outDir, ref),
          byNext: renderedByNext.has(refKey(ref)),
          render: async () =>
            timed(ms, 'render', () => ({
              metadata: metadataTags(listingPageMetadata(ref), editionMetadata(locale)),
              content: renderToString(<ListingPageContent {...ref} />),
            })),
        });
      }
    }
  }
  return jobs;
}

/** Runs `work`, adding its time to `ms[kind]` (a promise's time once it settles). */
function timed<T>(ms: StoryPagesReport['ms'], kind: keyof StoryPagesReport['ms'], work: () => T): T {
  const started = performance.now();
  const add = () => {
    ms[kind] += performance.now() - started;
  };
  const result = work();
  if (result instanceof Promise) return result.finally(add) as T;
  add();
  return result;
}

const refKey = (ref: ListingPageRef) => `${ref.id}/${ref.page}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The frame of a group's pages, cut from the page Next rendered for its witness. */
async function frameOf(witness: PageJob): Promise<Frame> {
  // Both sides are compared as they will be published: without Next's runtime, and without the
  // empty comments React puts between adjacent text nodes for hydration, whose places depend
  // on how Next's payload happened to be split into chunks (the post-export pass removes them
  // from every page). Cut this way, the frame holds neither the runtime nor the witness's own
  // RSC payload, so no page written from it ever holds another page's data.
  const published = (html: string) => stripRuntime(html).html;
  const html = published(readFileSync(witness.file, 'utf8'));
  const { metadata, content } = await witness.render();
  return frameFrom(html, published(metadata), published(content), path.relative(process.cwd(), witness.file));
}

export async function renderStoryPages(
  outDir: string,
  options: {
    shard?: { index: number; count: number };
    stories?: readonly Story[];
    /**
     * Called once this share has done its part of a language's pages (the jobs go language by
     * language), so that the search index can start on that language while the rest render.
     */
    onLanguageDone?: (locale: Locale) => void;
  } = {},
): Promise<StoryPagesReport> {
  const mode = storyPagesMode();
  const clock = performance.now();
  const stories = options.stories ?? loadStories();
  const ms = { load: performance.now() - clock, compile: 0, render: 0, finalize: 0, write: 0 };
  const report: StoryPagesReport = { rendered: 0, compared: 0, fromNext: 0, ms, finalized: noPages() };
  const sources = [report.finalized.sources];
  const mismatches: string[] = [];
  const { index = 0, count = 1 } = options.shard ?? {};
  const jobs = pageJobs(stories, outDir, mode, ms);
  const frames = new Map<string, Promise<Frame>>();
  const frameFor = (group: string) => {
    let frame = frames.get(group);
    if (!frame) {
      // A group's first job is its witness: the first of its pages Next rendered.
      const witness = jobs.find((candidate) => candidate.group === group)!;
      if (!witness.byNext) throw new Error(`${path.relative(process.cwd(), witness.file)}: Next rendered no page of this kind to cut the frame from`);
      frame = frameOf(witness);
      frames.set(group, frame);
    }
    return frame;
  };

  const renderJob = async (job: PageJob) => {
    if (job.byNext && mode === 'witness') {
      report.fromNext += 1;
      return;
    }
    const frame = frameFor(job.group);
    const { metadata, content } = await job.render();
    const html = assemblePage(await frame, metadata, content);
    if (job.byNext) {
      // STORY_PAGES=next: Next rendered this page too; the two must agree once the runtime is gone.
      const fromNext = stripRuntime(readFileSync(job.file, 'utf8')).html;
      const here = stripRuntime(html).html;
      report.compared += 1;
      if (fromNext !== here) mismatches.push(`${path.relative(process.cwd(), job.file)}:\n${firstDifference(fromNext, here)}`);
      return;
    }
    const page = timed(ms, 'finalize', () => finalizePage(html));
    timed(ms, 'write', () => {
      mkdirSync(path.dirname(job.file), { recursive: true });
      writeFileSync(job.file, page.html);
    });
    const { finalized } = report;
    finalized.files.push(job.file);
    sources.push(page.sources);
    finalized.removedScripts += page.removedScripts;
    finalized.inlineScripts += page.sources.scriptHashes.length;
    for (const leftover of page.leftovers) finalized.problems.push(`${path.relative(outDir, job.file).split(path.sep).join('/')}: ${leftover}`);
    report.rendered += 1;
  };

  // The jobs go language by language: once this share is past a language's last job, its part
  // of that language is in the export.
  const lastOfLanguage = new Map(jobs.map((job, position) => [job.locale, position]));
  for (const [position, job] of jobs.entries()) {
    if (position % count === index) await renderJob(job);
    if (lastOfLanguage.get(job.locale) === position) options.onLanguageDone?.(job.locale);
  }
  report.finalized.sources = mergeSources(sources);
  if (mismatches.length > 0) {
    throw new Error(
      `${mismatches.length} ${mismatches.length === 1 ? 'page differs' : 'pages differ'} between Next and the page renderer:\n${mismatches.slice(0, 5).join('\n')}`,
    );
  }
  return report;
}

/** Below this many pages per process, another process costs more than it saves. */
const PAGES_PER_PROCESS = 200;

/**
 * The whole step, in up to one process per core (each renders every `count`-th page; a page's
 * compile and render do not depend on any other page), with their reports added up. Starting
 * a process costs about 1.5 s, so a small site uses one, and a site whose every story and
 * listing page came from Next starts none.
 *   onLanguageRendered  called as soon as every page of a language is in the export (each
 *                       process prints a line when it has done its part of one), once per
 *                       language that has any page to render here or to take from Next
 */
export async function renderStoryPagesInParallel(
  outDir: string,
  options: { cores?: number; onLanguageRendered?: (locale: Locale) => void } = {},
): Promise<StoryPagesReport> {
  const mode = storyPagesMode();
  const jobs = pageJobs(loadStories(), outDir, mode, { load: 0, compile: 0, render: 0, finalize: 0, write: 0 });
  const languages = [...new Set(jobs.map((job) => job.locale))];
  const pages = jobs.filter((job) => mode === 'next' || !job.byNext).length;
  if (pages === 0) {
    for (const locale of languages) options.onLanguageRendered?.(locale);
    return { rendered: 0, compared: 0, fromNext: jobs.length, ms: { load: 0, compile: 0, render: 0, finalize: 0, write: 0 }, finalized: noPages() };
  }
  const count = Math.max(1, Math.min(options.cores ?? availableParallelism(), Math.ceil(pages / PAGES_PER_PROCESS)));
  // React's production build, as Next renders with: the development build renders the same
  // HTML at a fraction of the speed.
  const env = { ...process.env, NODE_ENV: 'production' as const };
  const doneIn = new Map<string, number>();
  const onLine = (line: string) => {
    const locale = languageDoneIn(line);
    if (!locale) return;
    const processes = (doneIn.get(locale) ?? 0) + 1;
    doneIn.set(locale, processes);
    if (processes === count) options.onLanguageRendered?.(locale);
  };
  // One process failing stops the others: the step has failed.
  const abort = new AbortController();
  const shares = await Promise.all(
    Array.from({ length: count }, async (_, index) => {
      const { stdout, stderr } = await runTsScript('scripts/render-stories.ts', [outDir, `${index}/${count}`], { env, onLine, signal: abort.signal }).catch(
        (error: unknown) => {
          abort.abort();
          throw error;
        },
      );
      // Warnings (React's, next-intl's) that Next would have printed for these pages.
      if (stderr.trim()) console.error(stderr.trimEnd());
      return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as StoryPagesReport;
    }),
  );
  return shares.reduce(addReports);
}

/** The line a page-rendering process prints once it has done its part of a language's pages. */
export function languageDoneLine(locale: Locale): string {
  return JSON.stringify({ languageDone: locale });
}

function languageDoneIn(line: string): Locale | undefined {
  if (!line.startsWith('{"languageDone"')) return undefined;
  const { languageDone } = JSON.parse(line) as { languageDone: unknown };
  return locales.find((locale) => locale === languageDone);
}

/** Two processes' reports as one: counts and times added, pages and hashes joined. */
export function addReports(total: StoryPagesReport, share: StoryPagesReport): StoryPagesReport {
  return {
    rendered: total.rendered + share.rendered,
    compared: total.compared + share.compared,
    fromNext: total.fromNext + share.fromNext,
    ms: {
      load: total.ms.load + share.ms.load,
      compile: total.ms.compile + share.ms.compile,
      render: total.ms.render + share.ms.render,
      finalize: total.ms.finalize + share.ms.finalize,
      write: total.ms.write + share.ms.write,
    },
    finalized: {
      files: [...total.finalized.files, ...share.finalized.files],
      sources: mergeSources([total.finalized.sources, share.finalized.sources]),
      removedScripts: total.finalized.removedScripts + share.finalized.removedScripts,
      inlineScripts: total.finalized.inlineScripts + share.finalized.inlineScripts,
      problems: [...total.finalized.problems, ...share.finalized.problems],
    },
  };
}
