import { expect, test } from '@playwright/test';
import { exportedPages, FIRST_STORY, seedStory, timeForPages, watchForErrors } from './site';

const pages = exportedPages();


test.describe('languages and directions', () => {
  for (const [locale, dir] of [
    ['ar', 'rtl'],
    ['en', 'ltr'],
  ] as const) {
    test(`every /${locale}/ page is <html lang="${locale}" dir="${dir}">`, async ({ page }) => {
      const localePages = pages.filter((path) => path.startsWith(`/${locale}/`));
      test.setTimeout(timeForPages(localePages.length));
      expect(localePages.length).toBeGreaterThanOrEqual(2);
      for (const path of localePages) {
        await page.goto(path);
        await expect(page.locator('html'), path).toHaveAttribute('lang', locale);
        await expect(page.locator('html'), path).toHaveAttribute('dir', dir);
      }
    });
  }
});

test.describe('the first story', () => {
  test('the Arabic page shows the seed headline and every paragraph verbatim, in order', async ({ page }) => {
    const { headline, paragraphs } = seedStory();
    await page.goto(`/ar/news/${FIRST_STORY}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
    const body = page.locator('.story-body p');
    await expect(body).toHaveCount(paragraphs.length);
    const rendered = await body.allTextContents();
    expect(rendered).toEqual(paragraphs);
  });

  test('the Arabic page carries dateline, source, byline, both calendars and reading time', async ({ page }) => {
    await page.goto(`/ar/news/${FIRST_STORY}/`);
    const header = page.locator('.story-header');
    await expect(header.locator('.dateline')).toHaveText('الدوحة');
    await expect(header.locator('time')).toHaveAttribute('datetime', '2026-11-28');
    await expect(header.locator('time')).toHaveText('٢٨ نوفمبر ٢٠٢٦');
    await expect(header).toContainText('١٨ جمادى الآخرة ١٤٤٨ هـ');
    await expect(header.locator('.reading-time')).toHaveText(/دقيقتان للقراءة|دقائق للقراءة|دقيقة/);
    await expect(page.locator('.source-credit')).toHaveText('الشبكة العربية لمعلومات وأحداث حقوق الإنسان');
    await expect(page.locator('.byline')).toContainText('قسم الأخبار');
  });

  test('the English page is a complete translation, credited in both languages', async ({ page }) => {
    await page.goto(`/en/news/${FIRST_STORY}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/unprecedented step by Qatar to combat human trafficking/);
    const paragraphs = page.locator('.story-body p');
    await expect(paragraphs).toHaveCount(seedStory().paragraphs.length);
    const text = (await paragraphs.allTextContents()).join('\n');
    for (const name of ['Ali bin Samikh Al Marri', 'Ghada Waly', 'UNODC', 'Vienna', 'Doha', 'National Human Rights Committee']) {
      expect(text).toContain(name);
    }
    await expect(page.locator('.translated-from')).toHaveText('Translated from Arabic');
    await expect(page.locator('.source-credit')).toContainText('Arab Network for Human Rights Information and Events');
    const original = page.locator('.source-credit bdi');
    await expect(original).toHaveText('الشبكة العربية لمعلومات وأحداث حقوق الإنسان');
    await expect(original).toHaveAttribute('lang', 'ar');
    await expect(page.locator('.story-header time')).toHaveText('November 28, 2026');
  });
});

test.describe('moving between languages', () => {
  test('the language switcher keeps the reader on the story, both ways', async ({ page }) => {
    await page.goto(`/ar/news/${FIRST_STORY}/`);
    const toEnglish = page.getByRole('banner').getByRole('link', { name: 'English' });
    await expect(toEnglish).toHaveAttribute('hreflang', 'en');
    await expect(toEnglish).toHaveAttribute('lang', 'en');
    await toEnglish.click();
    await expect(page).toHaveURL(new RegExp(`/en/news/${FIRST_STORY}/$`));
    await page.getByRole('banner').getByRole('link', { name: 'العربية' }).click();
    await expect(page).toHaveURL(new RegExp(`/ar/news/${FIRST_STORY}/$`));
  });

  test('the story links to its other-language version at its end', async ({ page }) => {
    await page.goto(`/ar/news/${FIRST_STORY}/`);
    await page.getByRole('link', { name: 'اقرأ هذه القصة بالإنجليزية' }).click();
    await expect(page).toHaveURL(new RegExp(`/en/news/${FIRST_STORY}/$`));
  });

  test('the front page lists the story and the switcher goes to the other front page', async ({ page }) => {
    await page.goto('/en/');
    await expect(page.getByRole('link', { name: /unprecedented step by Qatar/ })).toHaveAttribute('href', `/en/news/${FIRST_STORY}/`);
    await page.getByRole('banner').getByRole('link', { name: 'العربية' }).click();
    await expect(page).toHaveURL(/\/ar\/$/);
    await expect(page.getByRole('link', { name: /منظمات: خطوة غير مسبوقة/ })).toBeVisible();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('/ sends the reader to /ar/ and offers both languages', async ({ page }) => {
    const response = await page.request.get('/');
    const html = await response.text();
    expect(html).toContain('http-equiv="refresh"');
    expect(html).toMatch(/href="\/en\/"/);
    await page.goto('/');
    await page.waitForURL(/\/ar\/$/);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  });

  test('a reader can open and read the story', async ({ page }) => {
    await page.goto('/ar/');
    await page.getByRole('link', { name: /منظمات: خطوة غير مسبوقة/ }).first().click();
    await expect(page.locator('.story-body p').first()).toContainText('علي بن صميخ المري');
  });
});

test('the 404 page is a complete document that helps in both languages', async ({ page }) => {
  const response = await page.goto('/does-not-exist/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page).toHaveTitle(/الصفحة غير موجودة/);
  await expect(page.locator('section[lang="en"]')).toContainText('Page not found');
  await expect(page.getByRole('link', { name: 'Go to the English front page' })).toHaveAttribute('href', '/en/');
  await expect(page.getByRole('link', { name: 'انتقل إلى الصفحة الرئيسية بالعربية' })).toHaveAttribute('href', '/ar/');
});

test('no page logs an error, fails a request or loads framework JavaScript', async ({ page }) => {
  test.setTimeout(timeForPages(pages.length));
  const errors = watchForErrors(page);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script' && request.url().includes('/_next/')) scripts.push(request.url());
  });
  for (const path of pages.filter((candidate) => candidate !== '/')) {
    await page.goto(path);
    await page.waitForLoadState('load');
    // Web fonts may still be downloading after `load`; leaving earlier would abort them.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
  }
  expect(errors).toEqual([]);
  expect(scripts).toEqual([]);
});
