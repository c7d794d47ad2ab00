import { expect, test, type Page } from '@playwright/test';
import { FIRST_STORY, wasAbandoned } from './site';

/** Pagefind loads its WebAssembly and index on the first search: slow on a busy machine. */
const expectSearch = expect.configure({ timeout: 30_000 });

const ARABIC_HEADLINE = 'منظمات: خطوة غير مسبوقة من قطر لمكافحة الاتجار بالبشر';

/**
 * Script errors and failed requests while searching. The browser's own request for
 * /favicon.ico (the site has no icon yet) is not the search page's doing and is left out.
 */
function watchSearchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) => !wasAbandoned(request) && errors.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return errors;
}

async function search(page: Page, locale: 'ar' | 'en', query: string) {
  await page.goto(`/${locale}/search/?q=${encodeURIComponent(query)}`);
  return page.getByRole('main').locator('#search-results');
}

test.describe('search', () => {
  test.describe.configure({ timeout: 90_000 });

  // The spellings a reader may type of the story's key words: with and without ال, hamza forms, ة/ه, ى/ي, tashkeel, tatweel.
  for (const query of ['الاتجار بالبشر', 'الإتجار', 'اتجار', 'مكافحه الاتجار', 'الاتِّجَار بِالبَشَر', 'الاتجـــار', 'أتجار', 'التنفيذى', 'ضحايا']) {
    test(`«${query}» finds the Qatar story on the Arabic search page`, async ({ page }) => {
      const errors = watchSearchErrors(page);
      const results = await search(page, 'ar', query);
      const link = results.getByRole('link', { name: ARABIC_HEADLINE });
      await expectSearch(link).toBeVisible();
      await expectSearch(link).toHaveAttribute('href', `/ar/news/${FIRST_STORY}/`);
      await expectSearch(results.getByRole('listitem')).toHaveCount(1);
      await expectSearch(page.getByRole('status')).toHaveText(`قصة واحدة عن «${query}»`);
      expect(errors).toEqual([]);
    });
  }

  test('«trafficking» finds the English story, in English only', async ({ page }) => {
    const results = await search(page, 'en', 'trafficking');
    const link = results.getByRole('link', { name: /unprecedented step by Qatar to combat human trafficking/ });
    await expectSearch(link).toHaveAttribute('href', `/en/news/${FIRST_STORY}/`);
    await expectSearch(results.locator('mark').first()).toHaveText(/trafficking/i);
    await expectSearch(page.getByRole('status')).toHaveText('1 story found for “trafficking”');
    const arabicOnEnglish = await search(page, 'en', 'الاتجار');
    await expectSearch(page.getByRole('status')).toHaveText(/No stories found for “الاتجار”/);
    await expectSearch(arabicOnEnglish.getByRole('listitem')).toHaveCount(0);
  });

  test('results follow the page’s direction and open the story', async ({ page }) => {
    const results = await search(page, 'ar', 'الإتجار');
    await expectSearch(page.locator('html')).toHaveAttribute('dir', 'rtl');
    const box = await results.getByRole('link', { name: ARABIC_HEADLINE }).boundingBox();
    const width = page.viewportSize()!.width;
    expect(box!.x + box!.width).toBeGreaterThan(width * 0.8); // starts at the right edge
    await results.getByRole('link', { name: ARABIC_HEADLINE }).click();
    await expectSearch(page).toHaveURL(new RegExp(`/ar/news/${FIRST_STORY}/$`));
  });

  test('the form searches as the reader types and submits, keeping ?q= in the address', async ({ page }) => {
    await page.goto('/en/search/');
    const box = page.getByRole('searchbox', { name: 'Search the stories' });
    await box.fill('Doha');
    await page.getByRole('button', { name: 'Search' }).click();
    await expectSearch(page).toHaveURL(/\/en\/search\/\?q=Doha$/);
    await expectSearch(page.getByRole('main').locator('#search-results').getByRole('link')).toHaveCount(1);
    await box.fill('zzzzqqq');
    await box.press('Enter');
    await expectSearch(page.getByRole('status')).toHaveText(/No stories found for “zzzzqqq”/);
    await page.reload();
    await expectSearch(box).toHaveValue('zzzzqqq');
  });

  test('the form is a real GET form that works from another page', async ({ page }) => {
    await page.goto('/ar/search/');
    const form = page.getByRole('search');
    await expectSearch(form).toHaveAttribute('method', 'get');
    await expectSearch(form).toHaveAttribute('action', '/ar/search/');
    await expectSearch(form.getByRole('searchbox')).toHaveAttribute('name', 'q');
  });

  for (const [locale, navigation, menu, search] of [
    ['ar', 'الأقسام', 'القائمة', 'البحث'],
    ['en', 'Sections', 'Menu', 'Search'],
  ] as const) {
    test(`the ${locale} header links to search, behind the menu on a phone`, async ({ page }) => {
      await page.goto(`/${locale}/news/${FIRST_STORY}/`);
      const menuButton = page.getByRole('button', { name: menu });
      if (await menuButton.isVisible()) await menuButton.click();
      await page.getByRole('navigation', { name: navigation }).getByRole('link', { name: search, exact: true }).click();
      await expectSearch(page).toHaveURL(new RegExp(`/${locale}/search/$`));
      await expectSearch(page.getByRole('heading', { level: 1 })).toHaveText(search);
    });
  }
});

test.describe('search without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  for (const [locale, explanation, link] of [
    ['ar', 'يحتاج البحث إلى جافاسكربت', 'تصفّح الأقسام'],
    ['en', 'Searching needs JavaScript', 'Browse the sections'],
  ] as const) {
    test(`the ${locale} page explains why and links to the sections`, async ({ page }) => {
      await page.goto(`/${locale}/search/?q=test`);
      // Playwright's text and role selectors skip <noscript>, so this one is found by its class.
      const explanationBox = page.locator('.search-noscript');
      await expect(explanationBox).toBeVisible();
      await expect(explanationBox).toContainText(explanation);
      await expect(page.getByRole('search')).toBeHidden();
      await expect(explanationBox.locator('a')).toHaveText(link);
      await explanationBox.locator('a').click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/sections/$`));
    });
  }
});
