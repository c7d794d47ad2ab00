import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { controls } from './reader';
import { exportedPages, timeForPages } from './site';

/**
 * axe-core (the same engine as the browser extensions) over every page of the export, in
 * both themes, against WCAG 2.0, 2.1 and 2.2 at levels A and AA. New page types are covered
 * as soon as they are exported. `/` is checked without its instant redirect, and the 404 page
 * through an address that does not exist.
 */

// axe takes several seconds a page on a loaded machine.
test.describe.configure({ timeout: 120_000 });

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const pages = [...exportedPages(), '/does-not-exist/'];
const themes = ['light', 'dark'] as const;

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ')}`),
  }));
}

async function open(page: Page, path: string) {
  if (path === '/') {
    // The bilingual root page sends the reader on at once; check the page itself.
    await page.route(/\/$/, async (route) => {
      if (new URL(route.request().url()).pathname !== '/') return route.continue();
      const response = await route.fetch();
      const html = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '');
      await route.fulfill({ response, body: html });
    });
  }
  await page.goto(path);
  await page.evaluate(() => document.fonts.ready);
}

for (const theme of themes) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    for (const path of pages) {
      test(`${path} has no WCAG 2.2 A/AA violations`, async ({ page }) => {
        await open(page, path);
        expect(await violations(page)).toEqual([]);
      });
    }

    for (const locale of ['ar', 'en'] as const) {
      test(`${locale}: the open menu and display settings have no violations either`, async ({ page }) => {
        await open(page, `/${locale}/`);
        await page.getByRole('button', { name: controls[locale].menu }).click();
        await page.getByRole('button', { name: controls[locale].settings }).click();
        await page.getByRole('button', { name: controls[locale].largest }).click();
        await expect(page.locator('#reader-settings-panel')).toBeVisible();
        expect(await violations(page)).toEqual([]);
      });
    }
  });
}

test('every page has one h1, the four landmarks and a skip link to the main content', async ({ page }) => {
  test.setTimeout(timeForPages(pages.length));
  expect(pages.length).toBeGreaterThanOrEqual(6);
  for (const path of pages.filter((candidate) => /^\/(ar|en)\//.test(candidate))) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveCount(1);
    await expect(page.getByRole('banner'), path).toHaveCount(1);
    await expect(page.getByRole('main'), path).toHaveCount(1);
    await expect(page.getByRole('contentinfo'), path).toHaveCount(1);
    expect(await page.getByRole('navigation').count(), path).toBeGreaterThanOrEqual(2);
    const skip = page.locator('a.skip-link');
    await expect(skip).toHaveAttribute('href', '#main');
  }
});
