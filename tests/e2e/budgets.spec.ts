import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { formatKilobytes, pageWeight } from '@/lib/export/page-weight';
import { FIXTURE_SITE } from './fixture-site';
import { exportedPages, FIRST_STORY, OUT_DIR } from './site';

/**
 * Page-weight budgets over the real export (see docs/performance.md). A story is a document:
 * it must stay about as light as the same page built by a static-site generator.
 */

test.describe.configure({ timeout: 60_000 });

const KB = 1024;
const BUDGET = {
  storyJsGzip: 5 * KB,
  cssGzip: 15 * KB,
  storyHtmlGzip: 30 * KB,
  criticalFontFiles: 2,
};

const pages = exportedPages();
const stories = pages.filter((path) => /^\/(ar|en)\/news\/[^/]+\/$/.test(path));
const firstStory = (locale: 'ar' | 'en') => `/${locale}/news/${FIRST_STORY}/`;

test('story pages load at most 5 KB of JavaScript (gzip), all of it our own', () => {
  expect(stories.length).toBeGreaterThanOrEqual(2);
  for (const story of stories) {
    const weight = pageWeight(OUT_DIR, story);
    for (const script of weight.scripts) {
      expect(script.file, `${story}: ${script.url} is not a file of the export`).not.toBeNull();
      expect(script.url, story).not.toContain('/_next/');
    }
    expect(weight.totals.jsGzip, `${story}: ${formatKilobytes(weight.totals.jsGzip)}`).toBeLessThanOrEqual(BUDGET.storyJsGzip);
  }
});

test('every page loads at most 15 KB of CSS (gzip)', () => {
  for (const page of [...pages, '/404.html']) {
    const weight = pageWeight(OUT_DIR, page);
    expect(weight.stylesheets.length, page).toBeGreaterThanOrEqual(1);
    for (const sheet of weight.stylesheets) expect(sheet.file, `${page}: ${sheet.url}`).not.toBeNull();
    expect(weight.totals.cssGzip, `${page}: ${formatKilobytes(weight.totals.cssGzip)}`).toBeLessThanOrEqual(BUDGET.cssGzip);
  }
});

test('the first story page is under 30 KB of HTML (gzip) in each language', () => {
  for (const locale of ['ar', 'en'] as const) {
    const weight = pageWeight(OUT_DIR, firstStory(locale));
    expect(weight.html.gzip, `${locale}: ${formatKilobytes(weight.html.gzip)}`).toBeLessThan(BUDGET.storyHtmlGzip);
  }
});

test('every image carries width and height, so nothing shifts when it arrives', () => {
  // The real site and the editors' fixture site, whose stories show photos through the kit.
  const fixtureDir = path.resolve(FIXTURE_SITE.exportDir);
  const exports = [
    { dir: OUT_DIR, pages: [...pages, '/404.html'], basePath: '' },
    { dir: fixtureDir, pages: exportedPages(fixtureDir), basePath: FIXTURE_SITE.basePath },
  ];
  let images = 0;
  for (const site of exports) {
    for (const page of site.pages) {
      const all = pageWeight(site.dir, page, site.basePath).images;
      images += all.length;
      expect(all.filter((image) => !image.sized), `${site.dir}${page}`).toEqual([]);
    }
  }
  expect(images, 'images checked').toBeGreaterThan(0);
});

test('every font face swaps in without blocking text, within its unicode-range', () => {
  const weight = pageWeight(OUT_DIR, firstStory('ar'));
  const css = weight.stylesheets.map((sheet) => readFileSync(sheet.file as string, 'utf8')).join('\n');
  const faces = css.match(/@font-face\s*\{[^}]*\}/g) ?? [];
  const downloaded = faces.filter((face) => /url\(/.test(face));
  expect(downloaded.length).toBeGreaterThanOrEqual(2);
  for (const face of downloaded) {
    expect(face).toMatch(/font-display:\s*swap/);
    expect(face).toMatch(/unicode-range:/);
    expect(face).toMatch(/format\(["']?woff2/);
  }
});

test.describe('fonts in the browser', () => {
  for (const path of ['/ar/', '/en/', firstStory('ar'), firstStory('en'), '/does-not-exist/']) {
    test(`${path} fetches at most two font files`, async ({ page }) => {
      const fonts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'font') fonts.push(new URL(request.url()).pathname);
      });
      await page.goto(path);
      await page.evaluate(() => document.fonts.ready);
      await page.waitForLoadState('networkidle');
      expect(fonts.length, fonts.join(', ')).toBeGreaterThanOrEqual(1);
      expect(fonts.length, fonts.join(', ')).toBeLessThanOrEqual(BUDGET.criticalFontFiles);
    });
  }

  for (const locale of ['ar', 'en'] as const) {
    test(`${locale}: the story barely moves when its fonts arrive late`, async ({ page }) => {
      // Hold the fonts back until the page has painted its text in the fallback faces, then
      // let them arrive and swap in.
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      await page.route(/\.woff2(\?|$)/, async (route) => {
        await released;
        await route.continue();
      });
      await page.addInitScript(() => {
        (window as unknown as { __cls: number }).__cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(firstStory(locale), { waitUntil: 'commit' });
      await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0 && document.fonts.status === 'loading');
      release();
      await page.evaluate(() => document.fonts.ready);
      const [family, sample] = locale === 'ar' ? ['Naskh', 'صدى'] : ['SourceSerif', 'Sada'];
      expect(await page.evaluate(([name, text]) => document.fonts.check(`1em ${name}`, text), [family, sample])).toBe(true);
      await page.waitForTimeout(500);
      const shift = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      test.info().annotations.push({ type: 'cumulative layout shift', description: shift.toFixed(4) });
      expect(shift).toBeLessThan(0.1);
    });
  }
});
