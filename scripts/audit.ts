/**
 * `npm run audit`: Lighthouse (mobile, its default simulated slow 4G and mid-range phone)
 * against the served export, for the Arabic and English front and story pages, with Debian's
 * Chromium. Prints the four category scores and the page weights, and writes the full
 * reports to reports/lighthouse/. Run after a build (`npm run audit` builds first).
 *   tsx scripts/audit.ts [--dir out] [--runs 1] [--cpu-slowdown 4|auto]
 * With several runs the median performance run of each page is reported.
 *
 * CPU throttling is relative to the host: Lighthouse's 4x slowdown is calibrated for a
 * high-end desktop (benchmark index 1500-2000) and Lighthouse warns below 1000. On a slower
 * or busy machine, `--cpu-slowdown auto` scales the multiplier so the emulated phone stays the
 * same: multiplier = benchmark index / 437.5 (the 4x target of a 1750 desktop), between 1
 * and 4, using the index the previous run measured (a first run calibrates and is discarded).
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { defaultConfig, generateReport, type RunnerResult } from 'lighthouse';
import { normaliseBasePath } from '@/lib/config';
import { formatKilobytes, pageWeight } from '@/lib/export/page-weight';
import { createStaticServer } from '@/lib/export/static-server';
import { chromiumArgs, findChromium } from './chromium';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'out' },
    runs: { type: 'string', default: '1' },
    'cpu-slowdown': { type: 'string', default: '4' },
  },
});

const FIRST_STORY = 'qatar-anti-trafficking-centre';
const PAGES = [
  { name: 'ar-front', path: '/ar/' },
  { name: 'ar-story', path: `/ar/news/${FIRST_STORY}/` },
  { name: 'en-front', path: '/en/' },
  { name: 'en-story', path: `/en/news/${FIRST_STORY}/` },
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const REPORTS = path.resolve('reports', 'lighthouse');
/** Benchmark index of the phone Lighthouse's default 4x slowdown emulates on a 1750 desktop. */
const TARGET_BENCHMARK = 1750 / 4;

function multiplierFor(benchmarkIndex: number): number {
  return Math.round(Math.min(4, Math.max(1, benchmarkIndex / TARGET_BENCHMARK)) * 100) / 100;
}

type Row = {
  page: string;
  benchmarkIndex: number;
  cpuSlowdown: number;
  scores: Record<(typeof CATEGORIES)[number], number>;
  metrics: { fcp: number; lcp: number; tbt: number; cls: number; si: number };
  transfer: { total: number; document: number; stylesheet: number; script: number; font: number; requests: number };
};

function summarise(name: string, result: RunnerResult): Row {
  const { lhr } = result;
  const score = (category: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
  const metric = (id: string) => Number(lhr.audits[id]?.numericValue ?? NaN);
  const items = ((lhr.audits['network-requests']?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? []);
  const bytes = (type?: string) => items.filter((item) => !type || item.resourceType === type).reduce((total, item) => total + (item.transferSize ?? 0), 0);
  return {
    page: name,
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    cpuSlowdown: lhr.configSettings.throttling.cpuSlowdownMultiplier,
    scores: Object.fromEntries(CATEGORIES.map((category) => [category, score(category)])) as Row['scores'],
    metrics: {
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      si: metric('speed-index'),
    },
    transfer: {
      total: bytes(),
      document: bytes('Document'),
      stylesheet: bytes('Stylesheet'),
      script: bytes('Script'),
      font: bytes('Font'),
      requests: items.length,
    },
  };
}

function median(rows: Row[]): Row {
  const sorted = [...rows].sort((a, b) => a.scores.performance - b.scores.performance);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const outDir = path.resolve(values.dir);
  if (!existsSync(path.join(outDir, 'ar', 'index.html'))) throw new Error(`${outDir} holds no export: run \`npm run build\` first`);
  const chromePath = findChromium();
  if (!chromePath) throw new Error('no Chromium found: install Debian\'s chromium package or set CHROMIUM_PATH');
  const runs = Math.max(1, Number(values.runs));
  const calibrate = values['cpu-slowdown'] === 'auto';
  const fixedSlowdown = Number(values['cpu-slowdown']);
  if (!calibrate && !(fixedSlowdown >= 1)) throw new Error('--cpu-slowdown takes a number of at least 1, or auto');
  const basePath = normaliseBasePath(process.env.BASE_PATH ?? '');

  const server = createStaticServer({ root: outDir, basePath, headers: true, compress: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...chromiumArgs] });

  mkdirSync(REPORTS, { recursive: true });
  const rows: Row[] = [];
  let lastBenchmark = 0;
  const audit = async (pagePath: string, cpuSlowdownMultiplier: number) => {
    const result = await lighthouse(`${origin}${basePath}${pagePath}`, {
      port: chrome.port,
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      throttling: { ...defaultConfig.settings?.throttling, cpuSlowdownMultiplier },
    });
    if (!result) throw new Error(`Lighthouse returned no result for ${pagePath}`);
    if (result.lhr.runtimeError) throw new Error(`${pagePath}: ${result.lhr.runtimeError.message}`);
    lastBenchmark = result.lhr.environment.benchmarkIndex;
    return result;
  };
  try {
    if (calibrate) await audit(PAGES[0].path, 4);
    for (const page of PAGES) {
      const attempts: Row[] = [];
      for (let run = 0; run < runs; run += 1) {
        const result = await audit(page.path, calibrate ? multiplierFor(lastBenchmark) : fixedSlowdown);
        writeFileSync(path.join(REPORTS, `${page.name}.html`), generateReport(result.lhr, 'html'));
        writeFileSync(path.join(REPORTS, `${page.name}.json`), JSON.stringify(result.lhr, null, 2));
        attempts.push(summarise(page.name, result));
      }
      rows.push(median(attempts));
    }
  } finally {
    await chrome.kill();
    server.close();
  }

  const weights = PAGES.map((page) => pageWeight(outDir, page.path));
  const version = (await import('lighthouse/package.json', { with: { type: 'json' } })).default.version;
  console.log(`\nLighthouse ${version}, mobile, simulated slow 4G, CPU slowdown ${calibrate ? 'calibrated to the host' : `${fixedSlowdown}x`}, ${runs} run(s) a page\n`);
  console.log('page       perf  a11y  best  seo    FCP     LCP    TBT   CLS   host index/slowdown   transferred (doc / css / js / fonts)');
  for (const row of rows) {
    const { scores, metrics, transfer } = row;
    console.log(
      [
        row.page.padEnd(9),
        String(scores.performance).padStart(5),
        String(scores.accessibility).padStart(5),
        String(scores['best-practices']).padStart(5),
        String(scores.seo).padStart(5),
        `${(metrics.fcp / 1000).toFixed(2)} s`.padStart(7),
        `${(metrics.lcp / 1000).toFixed(2)} s`.padStart(7),
        `${Math.round(metrics.tbt)} ms`.padStart(6),
        metrics.cls.toFixed(3).padStart(6),
        `${row.benchmarkIndex} / ${row.cpuSlowdown}x`.padStart(16),
        `   ${formatKilobytes(transfer.total)} in ${transfer.requests} requests (${formatKilobytes(transfer.document)} / ${formatKilobytes(transfer.stylesheet)} / ${formatKilobytes(transfer.script)} / ${formatKilobytes(transfer.font)})`,
      ].join(' '),
    );
  }
  const slowHosts = rows.filter((row) => row.benchmarkIndex < 1000);
  if (slowHosts.length > 0 && !calibrate) {
    console.log('\nThe host measured a benchmark index under 1000, slower than Lighthouse\'s 4x slowdown assumes; try --cpu-slowdown auto.');
  }
  console.log('\nFrom out/ (gzip, as a static host compresses them):');
  for (const [index, weight] of weights.entries()) {
    console.log(
      `${PAGES[index].name.padEnd(9)}  HTML ${formatKilobytes(weight.html.gzip)}, CSS ${formatKilobytes(weight.totals.cssGzip)}, JS ${formatKilobytes(weight.totals.jsGzip)}, ` +
        `fonts preloaded ${weight.preloadedFonts.length} (${formatKilobytes(weight.preloadedFonts.reduce((total, font) => total + font.bytes, 0))})`,
    );
  }
  writeFileSync(path.join(REPORTS, 'summary.json'), `${JSON.stringify({ rows, weights: weights.map((weight) => ({ page: weight.page, html: weight.html, totals: weight.totals })) }, null, 2)}\n`);
  console.log(`\nFull reports: ${path.relative(process.cwd(), REPORTS)}/`);
}

main().catch((error: unknown) => {
  console.error(`audit: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
