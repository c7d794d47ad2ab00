/**
 * Build benchmark at newsroom scale.
 *   npm run bench -- --stories 1000 [--stories 5000 ...] [--repeat 3] [--out bench-results] [--no-rebuild] [--keep]
 *
 * For each story count N: writes N synthetic bilingual stories into a temporary content folder
 * (never content/), builds the site from it cold (no .next, empty MDX, front-matter and card
 * caches, font subsets cut again), then changes one story and builds again with the caches
 * warm. With --repeat K, each of the two builds is made K times (each cold build from empty
 * caches, each rebuild after another one-story change) and reported by its median run, with the
 * range: on a shared machine one build says little. Reports wall time, time per phase, ms per
 * page, pages per second, peak memory of the whole build process tree and the size of the
 * export; prints progress while it runs; writes <out>/results.json (runs are merged by N) and
 * <out>/build-time.svg. It clears .next/ (the build cache) and builds into out-bench/; what it
 * clears is moved aside and deleted when it ends (setAside).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { renderChart } from '@/lib/bench/chart';
import { loadAverage, treeRss } from '@/lib/bench/process-tree';
import { cardsCpuMs, childCpuMs, marginalMsPerPage, medianBuild, selfTimedStep, spread, type BuildFigures } from '@/lib/bench/report';
import { machineSpeed, type MachineSpeed } from '@/lib/bench/machine-speed';
import { writeSyntheticStories } from '@/lib/bench/synthetic-stories';
import { isRunning, signalGroup, STOP_SIGNALS } from '@/lib/process-alive';

const { values } = parseArgs({
  options: {
    stories: { type: 'string', multiple: true, default: ['100'] },
    out: { type: 'string', default: 'bench-results' },
    rebuild: { type: 'boolean', default: true },
    'no-rebuild': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
  },
});

const repeat = Number(values.repeat);
if (!Number.isInteger(repeat) || repeat < 1) {
  console.error(`bench: --repeat takes a whole number of builds, found "${values.repeat}"`);
  process.exit(2);
}

const counts = values.stories.flatMap((value) => value.split(',')).map((value) => {
  const count = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(count) || count < 1) {
    console.error(`bench: --stories takes a whole number of stories, found "${value}"`);
    process.exit(2);
  }
  return count;
});
const OUT_DIR = 'out-bench';
/** What the font step wrote last time; without it the step subsets the fonts again (scripts/build-fonts.ts). */
const FONT_RECORD = path.join('.generated', 'fonts.json');
const PUBLISH_DATE = '2026-11-28';
const resultsDir = path.resolve(values.out);

/**
 * Folders the benchmark clears between builds, moved aside and deleted only when it ends. On a
 * file system without a journal (ext4 as this machine mounts it), creating a file skips every
 * inode freed in the last minute (six while its block is unwritten), one lookup each: a cold
 * build started right after deleting the previous build's 14,000 files and folders spent 8.9 s
 * of its CPU in that scan (perf), a cost a fresh clone never pays (docs/decisions/017). A
 * rebuild starts, as in CI, with the caches and without an earlier export: Next would empty
 * that folder first, and the thousands of files it frees would slow the builds after it.
 *
 * The project's own folders go under node_modules/.cache (out of the folders Next and
 * Turbopack read, on the same file system), the content folder's caches beside them inside the
 * content folder, under a hidden name (the build skips hidden names there). A benchmark that
 * starts within six minutes of one that deleted its folders waits out the rest.
 */
const ASIDE_ROOT = path.join(process.cwd(), 'node_modules', '.cache', 'sada-bench-set-aside');
const DELETED_AT = path.join(ASIDE_ROOT, 'deleted-at');
const RECENTLY_FREED_MS = 6 * 60_000;
const setAsideDirs: string[] = [];

function setAside(dir: string) {
  const source = path.resolve(dir);
  if (!existsSync(source)) return;
  const parent = path.dirname(source) === process.cwd() ? ASIDE_ROOT : path.dirname(source);
  mkdirSync(parent, { recursive: true });
  const aside = path.join(parent, `.set-aside-${process.pid}-${setAsideDirs.length}`);
  try {
    renameSync(source, aside);
    setAsideDirs.push(aside);
  } catch {
    rmSync(source, { recursive: true, force: true });
  }
}

function removeSetAside() {
  const dirs = setAsideDirs.splice(0);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  if (dirs.length > 0) recordDeletion();
}

function recordDeletion() {
  mkdirSync(ASIDE_ROOT, { recursive: true });
  writeFileSync(DELETED_AT, `${Date.now()}\n`);
}

/** Removes what a stopped benchmark left aside, then waits until no deletion is recent. */
async function settleFileSystem() {
  // The project's folders, and the content folders a stopped benchmark left in the temporary folder.
  const leftovers = [ASIDE_ROOT, tmpdir()].flatMap((dir) =>
    existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith('.set-aside-') && !isRunning(Number(name.split('-')[2]))).map((name) => path.join(dir, name)) : [],
  );
  for (const dir of leftovers) rmSync(dir, { recursive: true, force: true });
  if (leftovers.length > 0) recordDeletion();
  const deletedAt = existsSync(DELETED_AT) ? Number(readFileSync(DELETED_AT, 'utf8')) : 0;
  const wait = deletedAt + RECENTLY_FREED_MS - Date.now();
  if (wait > 0) {
    console.log(`bench: waiting ${seconds(wait)}: a benchmark deleted its builds' folders at ${new Date(deletedAt).toISOString().slice(11, 19)} UTC, and new files are slow to create for six minutes after (docs/decisions/017)`);
    await sleep(wait);
  }
}

type Build = {
  wallMs: number;
  /** User + system CPU time of every process of the build: less sensitive than wall time to other load. */
  cpuMs: number;
  peakRssBytes: number;
  peakProcesses: number;
  /** Wall time of each phase, from the build's own output (ms). */
  phases: Record<string, number>;
  /** CPU time of the cards process, which runs at the lowest priority beside the build (ms). */
  cardsCpuMs?: number;
  load: { before: number[]; after: number[] };
  /** The machine's speed just before the build (lib/bench/machine-speed.ts). */
  speed: MachineSpeed;
};

export type BenchRun = {
  stories: number;
  pages: number;
  storyPages: number;
  outBytes: number;
  /**
   * The median cold build (of `coldBuilds`, when the build was repeated), with its own figures:
   * its peak memory is not the highest of the builds, which `coldBuilds` holds.
   */
  cold: Build;
  /** The median rebuild, likewise. */
  rebuild?: Build;
  /** Every cold build and every rebuild, when there were more than one. */
  coldBuilds?: BuildFigures[];
  rebuilds?: BuildFigures[];
  msPerPage: number;
  pagesPerSecond: number;
  machine: { cores: number; model: string; memoryBytes: number; node: string };
  measuredAt: string;
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Markers in Next's output that start a phase, in order. */
const PHASES: [RegExp, string][] = [
  [/Creating an optimized production build/, 'compile'],
  [/Running TypeScript/, 'typescript'],
  [/Collecting page data/, 'collect page data'],
  [/Generating static pages/, 'generate pages'],
  [/Finalizing page optimization/, 'finalize'],
  [/^Route \(app\)/, 'route report'],
];

/** The build running now, stopped with the benchmark, and the content folder it builds from. */
let building: ChildProcess | undefined;
let measuring: string | undefined;

function run(label: string, env: Record<string, string>, logFile: string): Promise<Build> {
  return new Promise((resolve, reject) => {
    const speed = machineSpeed();
    const started = performance.now();
    const before = loadAverage();
    // bash's `times` reports the CPU time of every process of the build once they have ended.
    // A process group of its own, which a stopped benchmark stops whole (the build's steps too).
    const child = spawn('bash', ['-c', 'npm run build --silent; status=$?; echo "bench-cpu-times"; times; exit $status'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    building = child;
    const cpuLines: string[] = [];
    let inTimes = false;
    let peakRssBytes = 0;
    let peakProcesses = 0;
    let lastLine = '';
    const phaseStarts: [string, number][] = [];
    const reported: Record<string, number> = {};
    let cardsCpu: number | undefined;
    let nextEndedAt: number | undefined;

    const sample = () => {
      if (child.pid === undefined) return;
      const { bytes, processes } = treeRss(child.pid);
      peakRssBytes = Math.max(peakRssBytes, bytes);
      peakProcesses = Math.max(peakProcesses, processes);
    };
    const sampler = setInterval(sample, 200);
    const progress = setInterval(() => {
      const elapsed = performance.now() - started;
      console.log(`bench: ${label} ${seconds(elapsed)}  peak ${megabytes(peakRssBytes)}  ${lastLine.slice(0, 90)}`);
    }, 5000);

    const onLine = (line: string) => {
      if (line === 'bench-cpu-times') inTimes = true;
      if (inTimes) {
        cpuLines.push(line);
        return;
      }
      appendFileSync(logFile, `${line}\n`);
      const text = line.replace(/\x1b\[[0-9;]*m/g, '').trim();
      if (!text) return;
      lastLine = text;
      const elapsed = performance.now() - started;
      for (const [marker, name] of PHASES) {
        if (marker.test(text) && !phaseStarts.some(([known]) => known === name)) phaseStarts.push([name, elapsed]);
      }
      // Steps that time themselves: "postexport: ... in 47 ms", and any later step written the same way.
      const timed = selfTimedStep(text);
      if (timed) reported[timed.name] = timed.ms;
      // The build says when Next has finished (the post-export step's own steps overlap).
      if (text === 'build: next build finished') nextEndedAt = elapsed;
      cardsCpu = cardsCpuMs(text) ?? cardsCpu;
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffer = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffer += chunk;
        const lines = buffer.split(/\r?\n|\r/);
        buffer = lines.pop() ?? '';
        lines.forEach(onLine);
      });
      stream.on('end', () => buffer && onLine(buffer));
    }
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      clearInterval(progress);
      const wallMs = performance.now() - started;
      if (code !== 0) {
        reject(new Error(`the ${label} build failed (exit ${code}); its output is in ${logFile}`));
        return;
      }
      const phases: Record<string, number> = {};
      phaseStarts.forEach(([name, at], index) => {
        const end = phaseStarts[index + 1]?.[1] ?? nextEndedAt ?? wallMs;
        if (name !== 'route report') phases[name] = Math.round(end - at);
      });
      if (phaseStarts[0]) phases.startup = Math.round(phaseStarts[0][1]);
      for (const [name, ms] of Object.entries(reported)) phases[name] = Math.round(ms);
      resolve({ wallMs: Math.round(wallMs), cpuMs: childCpuMs(cpuLines), peakRssBytes, peakProcesses, phases, cardsCpuMs: cardsCpu, load: { before, after: loadAverage() }, speed });
    });
  });
}

function exportStats(dir: string): { pages: number; storyPages: number; bytes: number } {
  let pages = 0;
  let storyPages = 0;
  let bytes = 0;
  const visit = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else {
        bytes += statSync(full).size;
        if (entry.name.endsWith('.html')) {
          pages += 1;
          if (/[/\\]news[/\\]/.test(full)) storyPages += 1;
        }
      }
    }
  };
  visit(dir);
  return { pages, storyPages, bytes };
}

function printBuild(label: string, build: Build, pages: number) {
  console.log(
    `bench: ${label}: ${seconds(build.wallMs)} wall (${(build.wallMs / pages).toFixed(1)} ms/page), ${seconds(build.cpuMs)} CPU (${(build.cpuMs / pages).toFixed(1)} ms/page), ` +
      `peak ${megabytes(build.peakRssBytes)} (${build.peakProcesses} processes)`,
  );
  console.log(`bench:   phases: ${Object.entries(build.phases).map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')}`);
  // Social cards are reported on their own line: cached by content hash, a rebuild renders only changed ones.
  // `npm run build` renders them in a process of its own beside Next ("social cards"); a
  // post-export step run alone renders them itself ("postexport: social cards").
  const cards = build.phases['social cards'] ?? build.phases['postexport: social cards'];
  const cpu = build.cardsCpuMs !== undefined ? ` (${seconds(build.cardsCpuMs)} of CPU, at the lowest priority beside the build)` : '';
  console.log(`bench:   social cards: ${cards !== undefined ? `${seconds(cards)}${cpu}` : 'no card step in this build'}`);
  console.log(`bench:   load average before ${build.load.before.join(' ')}, after ${build.load.after.join(' ')}`);
  console.log(`bench:   machine just before: ${build.speed.computeMs} ms of arithmetic, ${build.speed.memoryMs} ms to write 64 MB of fresh memory`);
}

const figures = (build: Build): BuildFigures => ({
  wallMs: build.wallMs,
  cpuMs: build.cpuMs,
  peakRssBytes: build.peakRssBytes,
  cardsCpuMs: build.cardsCpuMs,
  load: build.load,
  speed: build.speed,
});

/** The median of repeated builds and their range (peak memory: the highest, what a budget is about). */
function printSpread(label: string, builds: Build[]) {
  if (builds.length < 2) return;
  const median = medianBuild(builds);
  const wall = spread(builds, (build) => build.wallMs);
  const cpu = spread(builds, (build) => build.cpuMs);
  const rss = spread(builds, (build) => build.peakRssBytes);
  console.log(
    `bench: ${label}, median of ${builds.length} builds: ${seconds(median.wallMs)} wall (${seconds(wall.min)}-${seconds(wall.max)}), ` +
      `${seconds(median.cpuMs)} CPU (${seconds(cpu.min)}-${seconds(cpu.max)}), peak up to ${megabytes(rss.max)}`,
  );
}

async function measure(stories: number): Promise<BenchRun> {
  const contentDir = mkdtempSync(path.join(tmpdir(), `sada-bench-${stories}-`));
  const logFile = path.join(resultsDir, `build-${stories}.log`);
  writeFileSync(logFile, '');
  console.log(`bench: writing ${stories} synthetic bilingual stories into ${contentDir}`);
  const generated = performance.now();
  writeSyntheticStories(contentDir, stories, { today: PUBLISH_DATE });
  console.log(`bench: ${stories * 2} files written in ${seconds(performance.now() - generated)}`);

  measuring = contentDir;
  try {
    return await measureIn(contentDir, stories, logFile);
  } finally {
    measuring = undefined;
    if (!values.keep) setAside(contentDir);
  }
}

async function measureIn(contentDir: string, stories: number, logFile: string): Promise<BenchRun> {
  const mdxCache = path.join(contentDir, '.mdx-cache');
  const contentCache = path.join(contentDir, '.content-cache');
  // Cards are cached by content hash; an empty cache makes the cold build render every card.
  const cardCache = path.join(contentDir, '.card-cache');
  const env = {
    CONTENT_DIR: contentDir,
    MDX_CACHE_DIR: mdxCache,
    CONTENT_CACHE_DIR: contentCache,
    CARD_CACHE_DIR: cardCache,
    OUT_DIR,
    PUBLISH_DATE,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const colds: Build[] = [];
  let stats = { pages: 0, storyPages: 0, bytes: 0 };
  for (let attempt = 1; attempt <= repeat; attempt += 1) {
    // A cold build starts as a fresh clone does: no build cache, no caches of the content, and
    // no font subsets (the font step's record of them removed, so it cuts them again).
    for (const dir of ['.next', OUT_DIR, mdxCache, contentCache, cardCache]) setAside(dir);
    rmSync(FONT_RECORD, { force: true });
    const label = `N=${stories} cold${repeat > 1 ? ` ${attempt}/${repeat}` : ''}`;
    console.log(`bench: ${label} build of ${stories} stories (no .next, empty MDX, front-matter and card caches, font subsets cut again)`);
    colds.push(await run(label, env, logFile));
    // Every cold build exports the same site; the rebuilds keep its page count.
    stats = exportStats(OUT_DIR);
    printBuild(label, colds.at(-1)!, stats.pages);
  }
  const cold = medianBuild(colds);
  printSpread(`N=${stories} cold`, colds);

  const rebuilds: Build[] = [];
  if (values.rebuild && !values['no-rebuild']) {
    const changed = path.join(contentDir, 'articles', 'bench-story-000001', 'en.mdx');
    for (let attempt = 1; attempt <= repeat; attempt += 1) {
      appendFileSync(changed, `\nCorrection ${attempt} was added to this story after publication.\n`);
      const label = `N=${stories} rebuild${repeat > 1 ? ` ${attempt}/${repeat}` : ''}`;
      console.log(`bench: ${label} after one story changed (MDX cache and .next warm)`);
      // As CI rebuilds: the caches restored, no export of an earlier build to delete first.
      setAside(OUT_DIR);
      rebuilds.push(await run(label, env, logFile));
      printBuild(label, rebuilds.at(-1)!, stats.pages);
    }
    printSpread(`N=${stories} rebuild`, rebuilds);
  }
  const rebuild = rebuilds.length > 0 ? medianBuild(rebuilds) : undefined;

  const cpu = cpus();
  return {
    stories,
    pages: stats.pages,
    storyPages: stats.storyPages,
    outBytes: stats.bytes,
    cold,
    rebuild,
    ...(repeat > 1 ? { coldBuilds: colds.map(figures), rebuilds: rebuilds.map(figures) } : {}),
    msPerPage: Number((cold.wallMs / stats.pages).toFixed(2)),
    pagesPerSecond: Number(((stats.pages / cold.wallMs) * 1000).toFixed(1)),
    machine: { cores: cpu.length, model: cpu[0]?.model ?? 'unknown', memoryBytes: totalmem(), node: process.version },
    measuredAt: new Date().toISOString(),
  };
}

async function main() {
  await settleFileSystem();
  mkdirSync(resultsDir, { recursive: true });
  const resultsFile = path.join(resultsDir, 'results.json');
  const previous: BenchRun[] = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')).runs : [];
  const runs = new Map(previous.map((run) => [run.stories, run]));
  for (const stories of counts) {
    const result = await measure(stories);
    runs.set(stories, result);
    const ordered = [...runs.values()].sort((a, b) => a.stories - b.stories);
    const summary = {
      marginalMsPerPageCold: marginalMsPerPage(ordered.map((run) => ({ pages: run.pages, ms: run.cold.wallMs }))),
      marginalCpuMsPerPageCold: marginalMsPerPage(ordered.map((run) => ({ pages: run.pages, ms: run.cold.cpuMs }))),
      marginalMsPerPageRebuild: marginalMsPerPage(ordered.flatMap((run) => (run.rebuild ? [{ pages: run.pages, ms: run.rebuild.wallMs }] : []))),
      marginalCpuMsPerPageRebuild: marginalMsPerPage(
        ordered.flatMap((run) => (run.rebuild ? [{ pages: run.pages, ms: run.rebuild.cpuMs }] : [])),
      ),
    };
    writeFileSync(resultsFile, `${JSON.stringify({ summary, runs: ordered }, null, 2)}\n`);
    writeFileSync(
      path.join(resultsDir, 'build-time.svg'),
      renderChart({
        title: 'Build time against story count (wall and CPU)',
        note: `${result.machine.cores} cores, ${result.machine.model}, shared (load average in results.json); each story in Arabic and English`,
        xLabel: 'stories (two pages each)',
        yLabel: 'seconds',
        series: [
          { label: 'cold build', colour: '#9b1c1c', points: ordered.map((run) => ({ x: run.stories, y: run.cold.wallMs / 1000 })) },
          {
            label: 'one story changed',
            colour: '#0b4f8a',
            points: ordered.flatMap((run) => (run.rebuild ? [{ x: run.stories, y: run.rebuild.wallMs / 1000 }] : [])),
          },
          { label: 'cold build, CPU', colour: '#d97706', points: ordered.map((run) => ({ x: run.stories, y: run.cold.cpuMs / 1000 })) },
          {
            label: 'one story changed, CPU',
            colour: '#15803d',
            points: ordered.flatMap((run) => (run.rebuild ? [{ x: run.stories, y: run.rebuild.cpuMs / 1000 }] : [])),
          },
        ],
      }),
    );
    console.log(
      `bench: N=${stories}: ${result.pages} pages (${result.storyPages} story pages), out/ ${megabytes(result.outBytes)}, ` +
        `${result.msPerPage} ms/page, ${result.pagesPerSecond} pages/s`,
    );
    if (summary.marginalMsPerPageCold !== undefined) {
      const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(1)} ms`);
      console.log(
        `bench: marginal cost per page across ${ordered.map((run) => run.stories).join(', ')} stories: ` +
          `cold ${ms(summary.marginalMsPerPageCold)} wall, ${ms(summary.marginalCpuMsPerPageCold)} CPU; ` +
          `rebuild ${ms(summary.marginalMsPerPageRebuild)} wall, ${ms(summary.marginalCpuMsPerPageRebuild)} CPU`,
      );
    }
  }
  setAside(OUT_DIR);
  console.log(`bench: results in ${path.relative(process.cwd(), resultsFile)} and build-time.svg`);
}

main()
  .catch((error) => {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(removeSetAside);
for (const signal of Object.keys(STOP_SIGNALS) as (keyof typeof STOP_SIGNALS)[]) {
  process.once(signal, () => {
    void stopBuilding().then(() => {
      if (measuring && !values.keep) setAside(measuring);
      removeSetAside();
      process.exit(STOP_SIGNALS[signal]);
    });
  });
}

/** Stops the running build's process group and waits (10 s at most) until none of it writes any more. */
async function stopBuilding() {
  const group = building?.pid;
  if (group === undefined) return;
  signalGroup(group);
  for (let waited = 0; waited < 10_000 && groupExists(group); waited += 100) await sleep(100);
}

function groupExists(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}
