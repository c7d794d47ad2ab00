import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createStaticServer } from '@/lib/export/static-server';
import { FIXTURE_SITE } from './fixture-site';
import { exportedPages, wasAbandoned } from './site';

/**
 * The production build of the fixture site (npm run build:fixture): drafts and a story
 * scheduled after the publish date are left out; every component of the kit renders and
 * is styled in both directions; images and links work under a base path.
 */

// Generous: the browser tests share two cores with builds.
test.describe.configure({ timeout: 60_000 });

const outDir = path.resolve(FIXTURE_SITE.exportDir);
const base = FIXTURE_SITE.basePath;
let server: Server;
let origin: string;

test.beforeAll(async () => {
  expect(existsSync(outDir), `${FIXTURE_SITE.exportDir}/ is missing: run npm run build:fixture`).toBe(true);
  server = createStaticServer({ root: outDir, basePath: base });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}${base}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/**
 * Console errors, page errors and failed requests. The browser's own request for
 * /favicon.ico goes to the host's root, outside the base path the site lives under, and is
 * not the site's to answer.
 */
function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  const ours = (url: string) => !new URL(url).pathname.endsWith('/favicon.ico');
  page.on('console', (message) => {
    if (message.type() === 'error' && ours(message.location().url || origin)) errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => ours(request.url()) && !wasAbandoned(request) && errors.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && ours(response.url())) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return errors;
}

const story = (locale: 'ar' | 'en', slug: string) => `${origin}/${locale}/news/${slug}/`;

test.describe('drafts and scheduled stories', () => {
  test('a production build leaves out drafts and stories dated after the publish date, pages and images alike', async ({ page }) => {
    const pages = exportedPages(outDir);
    expect(pages).toEqual(
      expect.arrayContaining(['/ar/news/kit-showcase/', '/en/news/kit-showcase/', '/ar/news/plain-story/', '/ar/news/archived-story/']),
    );
    expect(pages.filter((candidate) => /draft-story|scheduled-story/.test(candidate))).toEqual([]);
    expect(readdirSync(path.join(outDir, 'media'))).toEqual(['kit-showcase']);

    const allHtml = pages.map((candidate) => readFileSync(path.join(outDir, candidate, 'index.html'), 'utf8')).join('\n');
    for (const text of ['مسودة لم تُنشر بعد', 'Scheduled story for December', 'draft-photo']) expect(allHtml).not.toContain(text);

    for (const slug of ['draft-story', 'scheduled-story']) {
      const response = await page.goto(story(slug === 'draft-story' ? 'ar' : 'en', slug));
      expect(response?.status()).toBe(404);
    }
    await page.goto(`${origin}/ar/`);
    await expect(page.getByRole('link', { name: 'معرض الدوحة للكتاب يفتح أبوابه' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'قصة مؤرشفة في مجلد السنة' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'مسودة لم تُنشر بعد' })).toHaveCount(0);
    await page.goto(`${origin}/en/`);
    await expect(page.getByRole('link', { name: 'Doha book fair opens its doors' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Scheduled story for December' })).toHaveCount(0);
  });
});

async function noHorizontalScroll(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
}

test.describe('the component kit', () => {
  test('Figure shows the story’s image at its intrinsic size, under the base path, with caption and credit', async ({ page }) => {
    const errors = watchForErrors(page);
    await page.goto(story('ar', 'kit-showcase'));
    const figure = page.getByRole('figure');
    const image = figure.getByRole('img', { name: 'مربعات حمراء وبيضاء تمثل صورة تجريبية' });
    await expect(image).toHaveAttribute('src', `${base}/media/kit-showcase/harbour.png`);
    await expect(image).toHaveAttribute('width', '640');
    await expect(image).toHaveAttribute('height', '360');
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth)).toBe(640);
    const box = await image.boundingBox();
    expect(Math.round((box!.width / box!.height) * 100) / 100).toBeCloseTo(640 / 360, 1);
    await expect(figure.locator('figcaption')).toHaveText('واجهة المعرض عند الافتتاح تصوير: صدى');
    expect(errors).toEqual([]);
  });

  test('the space for an image is reserved before it loads, so the text around it does not move', async ({ page }) => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**${base}/media/**`, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(story('ar', 'kit-showcase'), { waitUntil: 'domcontentloaded' });
    const image = page.getByRole('figure').getByRole('img');
    expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(0);
    // Before a single byte of the image arrives, its box already has the photo's proportions.
    const before = (await image.boundingBox())!;
    expect(before.height).toBeCloseTo((before.width * 360) / 640, 0);
    release();
    await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(640);
    const after = (await image.boundingBox())!;
    expect([after.width, after.height]).toEqual([before.width, before.height]);
  });

  test('labels, corrections and the corrections log appear in the story’s language', async ({ page }) => {
    await page.goto(story('ar', 'kit-showcase'));
    await expect(page.getByRole('complementary', { name: 'اقتباس' })).toContainText('القراءة جسر بين الثقافات');
    await expect(page.getByRole('complementary', { name: 'المعرض في أرقام' }).getByRole('listitem')).toHaveText(['عشرة أيام', 'ثلاثون بلدًا', 'خمسمئة دار نشر']);
    await expect(page.getByRole('complementary', { name: 'ملاحظة المحرر' })).toContainText('كُتبت هذه القصة لاختبار مكونات الموقع.');
    await expect(page.getByRole('complementary', { name: 'تصويب' })).toContainText('٢٢ نوفمبر ٢٠٢٦');
    await expect(page.locator('.story-header .updated time')).toHaveText('٢٢ نوفمبر ٢٠٢٦');
    const log = page.getByRole('region', { name: 'تصويبات' });
    await expect(log.getByRole('listitem')).toHaveCount(2);
    await expect(log.getByRole('listitem').first()).toContainText('والصحيح عشرة أيام');
    await expect(log.getByRole('listitem').last()).toContainText('خمسة وعشرين، والصحيح ثلاثون');

    await page.goto(story('en', 'kit-showcase'));
    await expect(page.getByRole('complementary', { name: 'Key facts' })).toBeVisible();
    await expect(page.getByRole('figure').locator('figcaption')).toContainText('Photo: Sada');
    await expect(page.getByRole('region', { name: 'Corrections' }).getByRole('listitem')).toHaveText([
      /November 21, 2026: An earlier version said the fair runs for a week/,
      /November 22, 2026: an earlier version said twenty-five/,
    ]);
  });

  test('quotations in Arabic are never slanted and carry no English quotation marks', async ({ page }) => {
    await page.goto(story('ar', 'kit-showcase'));
    for (const quote of [page.locator('.mdx-pull-quote blockquote p'), page.locator('.story-body > blockquote p')]) {
      const style = await quote.evaluate((element) => ({
        fontStyle: getComputedStyle(element).fontStyle,
        before: getComputedStyle(element, '::before').content,
      }));
      expect(style.fontStyle).toBe('normal');
      expect(['none', 'normal']).toContain(style.before);
    }
  });

  test('an other-language passage has its own lang and direction', async ({ page }) => {
    await page.goto(story('ar', 'kit-showcase'));
    const name = page.locator('.story-body span[lang="en"]');
    await expect(name).toHaveText('UNESCO');
    expect(await name.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    const passage = page.locator('.story-body div[lang="en"]');
    expect(await passage.evaluate((element) => [getComputedStyle(element).direction, getComputedStyle(element).textAlign])).toEqual(['ltr', 'start']);
    const passageBox = (await passage.locator('p').boundingBox())!;
    const bodyBox = (await page.locator('.story-body').boundingBox())!;
    // The English passage starts at the left edge of the Arabic column.
    expect(Math.abs(passageBox.x - bodyBox.x)).toBeLessThan(2);
  });

  test('asides mark the side where lines start, in both directions', async ({ page }) => {
    const sides = async () =>
      page.locator('.mdx-fact-box').evaluate((element) => {
        const style = getComputedStyle(element);
        return { left: parseFloat(style.borderLeftWidth), right: parseFloat(style.borderRightWidth) };
      });
    await page.goto(story('ar', 'kit-showcase'));
    expect(await sides()).toEqual({ left: 0, right: 4 });
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.goto(story('en', 'kit-showcase'));
    expect(await sides()).toEqual({ left: 4, right: 0 });
    expect(await noHorizontalScroll(page)).toBe(true);
  });

  test('Arabic headings have anchors that work, and footnotes are labelled in Arabic', async ({ page }) => {
    await page.goto(story('ar', 'kit-showcase'));
    const second = page.getByRole('heading', { name: 'خلفية المعرض' }).nth(1);
    await expect(second).toHaveAttribute('id', 'خلفية-المعرض-1');
    await expect(second).not.toBeInViewport();
    // Following a link to the anchor, as a reader who was sent the address would.
    await page.evaluate((id) => {
      const link = Object.assign(document.createElement('a'), { href: `#${encodeURIComponent(id)}`, textContent: 'anchor' });
      document.body.append(link);
      link.click();
    }, 'خلفية-المعرض-1');
    await expect(second).toBeInViewport();
    await expect(page.getByRole('heading', { name: 'الحواشي' })).toHaveCount(1);
    await page.getByRole('link', { name: '1', exact: true }).click();
    await expect(page.getByText('بحسب أرقام المنظمين.')).toBeInViewport();
    await page.getByRole('link', { name: 'العودة إلى موضع الإشارة ١ في النص' }).click();
    await expect(page).toHaveURL(/#user-content-fnref-1$/);
  });

  test('links between stories follow the base path, including stories filed in an archive folder', async ({ page }) => {
    const errors = watchForErrors(page);
    await page.goto(story('ar', 'kit-showcase'));
    await page.getByRole('link', { name: 'قصة أخرى' }).click();
    await expect(page).toHaveURL(story('ar', 'plain-story'));
    await page.locator('.story-body').getByRole('link', { name: 'قصة مؤرشفة', exact: true }).click();
    await expect(page).toHaveURL(story('ar', 'archived-story'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('قصة مؤرشفة في مجلد السنة');
    expect(errors).toEqual([]);
  });

  test('story pages using the kit load no framework script: only the site\'s own small script', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    for (const locale of ['ar', 'en'] as const) {
      await page.goto(story(locale, 'kit-showcase'));
      expect(await page.locator('script:not([type="application/ld+json"]):not([data-site-script])').count()).toBe(0);
    }
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toBe(`${base}/scripts/site.js`);
  });
});
