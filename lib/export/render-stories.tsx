import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { renderToString } from 'react-dom/server';
import { storyPageMetadata, StoryPageContent } from '@/components/article/StoryPage';
import { locales, type Locale } from '@/i18n/locales';
import { compileMdx } from '@/lib/content/compile';
import { loadStories, type Story } from '@/lib/content/load';
import { editionMetadata } from '@/lib/metadata';
import { paths } from '@/lib/urls';
import { stripRuntime } from './strip-runtime';
import { assemblePage, firstDifference, frameFrom, metadataTags, storiesRenderedByNext, storyPagesMode, type Frame } from './story-pages';

/**
 * Renders the story pages Next did not (see lib/export/story-pages.ts) into the export, and in
 * STORY_PAGES=next mode compares every story page Next rendered with this renderer's. Runs
 * after `next build`, before the search index reads the pages. Only this module and the
 * post-export script load react-dom/server; Next's component graph never sees it.
 */

export type StoryPagesReport = {
  rendered: number;
  compared: number;
  fromNext: number;
  /** Milliseconds spent per kind of work, added up over the processes. */
  ms: { load: number; compile: number; render: number; write: number };
};

/** Where a story page lives in the export (Next writes `<path>/index.html` without the base path). */
export function storyPageFile(outDir: string, locale: Locale, slug: string): string {
  return path.join(outDir, ...paths.story(locale, slug).split('/').filter(Boolean), 'index.html');
}

function render(story: Story, locale: Locale, code: string): { metadata: string; content: string } {
  const version = story.versions[locale]!;
  return {
    metadata: metadataTags(storyPageMetadata(story, version), editionMetadata(locale)),
    content: renderToString(<StoryPageContent story={story} version={version} code={code} />),
  };
}

/** The frame of a language's story pages, cut from the page Next rendered for `witness`. */
async function frameOf(outDir: string, witness: Story, locale: Locale): Promise<Frame> {
  const file = storyPageFile(outDir, locale, witness.slug);
  const html = readFileSync(file, 'utf8');
  const { code } = await compileMdx(witness.versions[locale]!);
  const { metadata, content } = render(witness, locale, code);
  const frame = frameFrom(html, metadata, content, path.relative(process.cwd(), file));
  // The frame carries Next's runtime and the witness's own RSC payload: strip them here, so
  // no page written from it ever holds another story's data.
  const strip = (part: string) => stripRuntime(part).html;
  return { before: strip(frame.before), between: strip(frame.between), after: strip(frame.after) };
}

export async function renderStoryPages(
  outDir: string,
  options: { shard?: { index: number; count: number }; stories?: readonly Story[] } = {},
): Promise<StoryPagesReport> {
  const mode = storyPagesMode();
  const clock = performance.now();
  const stories = options.stories ?? loadStories();
  const ms = { load: performance.now() - clock, compile: 0, render: 0, write: 0 };
  const time = <T,>(kind: keyof typeof ms, work: () => T): T => {
    const started = performance.now();
    try {
      return work();
    } finally {
      ms[kind] += performance.now() - started;
    }
  };
  const bySlug = new Map(stories.map((story) => [story.slug, story]));
  const report: StoryPagesReport = { rendered: 0, compared: 0, fromNext: 0, ms };
  const mismatches: string[] = [];
  const { index = 0, count = 1 } = options.shard ?? {};

  for (const locale of locales) {
    const byNext = new Set(storiesRenderedByNext(locale, stories, mode));
    const [witnessSlug] = [...byNext].sort();
    if (!witnessSlug) continue;
    const frame = await frameOf(outDir, bySlug.get(witnessSlug)!, locale);
    const inLocale = stories.filter((story) => story.versions[locale]);
    for (const [position, story] of inLocale.entries()) {
      if (position % count !== index) continue;
      const file = storyPageFile(outDir, locale, story.slug);
      if (byNext.has(story.slug) && mode === 'witness') {
        report.fromNext += 1;
        continue;
      }
      const compileStarted = performance.now();
      const { code } = await compileMdx(story.versions[locale]!);
      ms.compile += performance.now() - compileStarted;
      const { metadata, content } = time('render', () => render(story, locale, code));
      const html = assemblePage(frame, metadata, content);
      if (byNext.has(story.slug)) {
        // STORY_PAGES=next: Next rendered this page too; the two must agree once the runtime is gone.
        const fromNext = stripRuntime(readFileSync(file, 'utf8')).html;
        const here = stripRuntime(html).html;
        report.compared += 1;
        if (fromNext !== here) mismatches.push(`${path.relative(process.cwd(), file)}:\n${firstDifference(fromNext, here)}`);
        continue;
      }
      time('write', () => {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, html);
      });
      report.rendered += 1;
    }
  }
  if (mismatches.length > 0) {
    throw new Error(
      `${mismatches.length} story ${mismatches.length === 1 ? 'page differs' : 'pages differ'} between Next and the story renderer:\n${mismatches.slice(0, 5).join('\n')}`,
    );
  }
  return report;
}

/** Below this many pages per process, another process costs more than it saves. */
const PAGES_PER_PROCESS = 200;

/**
 * The whole step, in up to one process per core (each renders every `count`-th story; a
 * story's compile and render do not depend on any other page), with their reports added up.
 * Starting a process costs about 1.5 s, so a small site uses one, and a site whose every
 * story page came from Next (the real site while it has one story) starts none.
 */
export async function renderStoryPagesInParallel(outDir: string, cores = availableParallelism()): Promise<StoryPagesReport> {
  const stories = loadStories();
  const mode = storyPagesMode();
  const perLocale = locales.map((locale) => ({
    inLocale: stories.filter((story) => story.versions[locale]).length,
    byNext: storiesRenderedByNext(locale, stories, mode).length,
  }));
  const pages = perLocale.reduce((sum, { inLocale, byNext }) => sum + (mode === 'next' ? inLocale : inLocale - byNext), 0);
  if (pages === 0) {
    const fromNext = perLocale.reduce((sum, { byNext }) => sum + byNext, 0);
    return { rendered: 0, compared: 0, fromNext, ms: { load: 0, compile: 0, render: 0, write: 0 } };
  }
  const count = Math.max(1, Math.min(cores, Math.ceil(pages / PAGES_PER_PROCESS)));
  const cli = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const script = path.join(process.cwd(), 'scripts', 'render-stories.ts');
  const shares = await Promise.all(
    Array.from(
      { length: count },
      (_, index) =>
        new Promise<StoryPagesReport>((resolve, reject) => {
          // React's production build, as Next renders with: the development build renders the same
          // HTML at a fraction of the speed.
          const env = { ...process.env, NODE_ENV: 'production' as const };
          execFile(process.execPath, [cli, script, outDir, `${index}/${count}`], { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (error) return reject(new Error(stderr.trim() || error.message));
            // Warnings (React's, next-intl's) that Next would have printed for these pages.
            if (stderr.trim()) console.error(stderr.trimEnd());
            resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as StoryPagesReport);
          });
        }),
    ),
  );
  return shares.reduce((total, share) => ({
    rendered: total.rendered + share.rendered,
    compared: total.compared + share.compared,
    fromNext: total.fromNext + share.fromNext,
    ms: {
      load: total.ms.load + share.ms.load,
      compile: total.ms.compile + share.ms.compile,
      render: total.ms.render + share.ms.render,
      write: total.ms.write + share.ms.write,
    },
  }));
}
