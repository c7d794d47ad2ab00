import { expect, test, type Locator, type Page } from '@playwright/test';
import { controls, luminance, pageBackground, readingPages, recordStateAtFirstBodyElement, stateAtFirstBodyElement } from './reader';
import { exportedPages, FIRST_STORY, timeForPages } from './site';

// Generous: these walk several pages each, on a machine that may be shared.
test.describe.configure({ timeout: 90_000 });

const locales = ['ar', 'en'] as const;

const words = {
  ar: {
    skip: 'انتقل إلى المحتوى',
    primaryNav: 'الأقسام',
    frontPage: 'الرئيسية',
    headline: /منظمات: خطوة غير مسبوقة/,
    otherStory: 'اقرأ هذه القصة بالإنجليزية',
    otherHeadline: /unprecedented step by Qatar/,
  },
  en: {
    skip: 'Skip to content',
    primaryNav: 'Sections',
    frontPage: 'Front page',
    headline: /unprecedented step by Qatar/,
    otherStory: 'Read this story in Arabic',
    otherHeadline: /منظمات: خطوة غير مسبوقة/,
  },
} as const;

const other = { ar: 'en', en: 'ar' } as const;

function fontSize(locator: Locator): Promise<number> {
  return locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
}

/** Whether the focused element shows a focus indicator of at least 2 px. */
function focusIndicatorShown(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });
}

async function tabUntilFocused(page: Page, target: Locator, limit = 15): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

for (const locale of locales) {
  const control = controls[locale];
  const text = words[locale];

  test.describe(`${locale}: reader settings`, () => {
    test('the theme choice applies at once, is remembered across pages, and never flashes', async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await recordStateAtFirstBodyElement(page);
      await page.goto(readingPages[locale].front);
      expect(luminance(await pageBackground(page))).toBeGreaterThan(0.8);

      const settings = page.getByRole('button', { name: control.settings });
      await expect(settings).toHaveAttribute('aria-expanded', 'false');
      await settings.click();
      await expect(settings).toHaveAttribute('aria-expanded', 'true');
      const dark = page.getByRole('button', { name: control.dark, exact: true });
      await expect(dark).toHaveAttribute('aria-pressed', 'false');
      await dark.click();
      await expect(dark).toHaveAttribute('aria-pressed', 'true');
      expect(luminance(await pageBackground(page))).toBeLessThan(0.05);

      // Another page opens dark from its first element on, even with the site script blocked:
      // the inline head script alone applies the choice before anything is painted.
      await page.route('**/scripts/site.js*', (route) => route.abort());
      await page.goto(readingPages[locale].story);
      expect(await stateAtFirstBodyElement(page)).toMatchObject({ theme: 'dark', scripted: 'true' });
      expect(luminance(await pageBackground(page))).toBeLessThan(0.05);
      await page.unroute('**/scripts/site.js*');

      // Back to automatic: the page follows the system again, on this page and the next.
      await page.reload();
      await page.getByRole('button', { name: control.settings }).click();
      await page.getByRole('button', { name: control.automatic }).click();
      expect(luminance(await pageBackground(page))).toBeGreaterThan(0.8);
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(luminance(await pageBackground(page))).toBeLessThan(0.05);
      await page.reload();
      expect(await stateAtFirstBodyElement(page)).toMatchObject({ theme: null });
      expect(luminance(await pageBackground(page))).toBeLessThan(0.05);
    });

    test('the text size has four steps, is remembered, and applies before the first paint', async ({ page }) => {
      await recordStateAtFirstBodyElement(page);
      await page.goto(readingPages[locale].story);
      const paragraph = page.locator('.story-body p').first();
      const standard = await fontSize(paragraph);

      await page.getByRole('button', { name: control.settings }).click();
      const group = page.getByRole('group', { name: locale === 'ar' ? 'حجم النص' : 'Text size' });
      await expect(group.getByRole('button')).toHaveCount(4);
      await group.getByRole('button', { name: control.largest }).click();
      await expect(group.getByRole('button', { name: control.largest })).toHaveAttribute('aria-pressed', 'true');
      const largest = await fontSize(paragraph);
      expect(largest / standard).toBeCloseTo(1.25, 2);

      await page.goto(readingPages[locale].front);
      expect(await stateAtFirstBodyElement(page)).toMatchObject({ textSize: 'xl' });
      await page.goto(readingPages[locale].story);
      expect(await fontSize(paragraph)).toBeCloseTo(largest, 1);

      await page.getByRole('button', { name: control.settings }).click();
      await group.getByRole('button', { name: control.standard }).click();
      expect(await fontSize(paragraph)).toBeCloseTo(standard, 1);
      await page.reload();
      expect(await stateAtFirstBodyElement(page)).toMatchObject({ textSize: null });
    });

    test('the settings work from the keyboard alone and Escape closes them', async ({ page }) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(readingPages[locale].front);
      const settings = page.getByRole('button', { name: control.settings });
      await tabUntilFocused(page, settings);
      expect(await focusIndicatorShown(page)).toBe(true);
      await page.keyboard.press('Enter');
      await expect(settings).toHaveAttribute('aria-expanded', 'true');
      const dark = page.getByRole('button', { name: control.dark, exact: true });
      await tabUntilFocused(page, dark);
      await page.keyboard.press('Space');
      await expect(dark).toHaveAttribute('aria-pressed', 'true');
      expect(luminance(await pageBackground(page))).toBeLessThan(0.05);
      await page.keyboard.press('Escape');
      await expect(settings).toHaveAttribute('aria-expanded', 'false');
      await expect(dark).toBeHidden();
      await expect(settings).toBeFocused();
    });

    test('without JavaScript the page follows the system theme and offers no dead controls', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
      const page = await context.newPage();
      await page.goto(readingPages[locale].story);
      expect(luminance(await pageBackground(page))).toBeLessThan(0.05);
      await expect(page.getByRole('button')).toHaveCount(0);
      await context.close();
    });
  });

  test.describe(`${locale}: mobile menu`, () => {
    test('folds the navigation behind a Menu button that works by touch and keyboard', async ({ page }) => {
      await page.goto(readingPages[locale].story);
      const menu = page.getByRole('button', { name: control.menu });
      const navigation = page.getByRole('navigation', { name: text.primaryNav });
      await expect(menu).toHaveAttribute('aria-expanded', 'false');
      await expect(navigation).toBeHidden();

      await menu.tap();
      await expect(menu).toHaveAttribute('aria-expanded', 'true');
      await expect(navigation.getByRole('link', { name: text.frontPage })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(navigation).toBeHidden();
      await expect(menu).toBeFocused();

      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const frontPage = navigation.getByRole('link', { name: text.frontPage });
      await expect(frontPage).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(new RegExp(`${readingPages[locale].front}$`));
    });

    test('without JavaScript the navigation is simply shown', async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
      const page = await context.newPage();
      await page.goto(readingPages[locale].story);
      await expect(page.getByRole('navigation', { name: text.primaryNav }).getByRole('link', { name: text.frontPage })).toBeVisible();
      await context.close();
    });

    test('on a wide screen the navigation is always shown, without a Menu button', async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(readingPages[locale].story);
      await expect(page.getByRole('navigation', { name: text.primaryNav }).getByRole('link', { name: text.frontPage })).toBeVisible();
      await expect(page.getByRole('button', { name: control.menu })).toBeHidden();
    });
  });

  test(`${locale}: a keyboard reader reaches the story from the front page, then the other language`, async ({ page }) => {
    await page.goto(readingPages[locale].front);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: text.skip });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    expect(await focusIndicatorShown(page)).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();

    const headline = page.getByRole('link', { name: text.headline });
    await tabUntilFocused(page, headline, 3);
    expect(await focusIndicatorShown(page)).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${readingPages[locale].story}$`));

    const switcher = page.getByRole('banner').getByRole('link', { name: controls[locale].otherLanguage });
    await tabUntilFocused(page, switcher, 5);
    expect(await focusIndicatorShown(page)).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${readingPages[other[locale]].story}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text.otherHeadline);
  });

  test(`${locale}: printing a story keeps headline, dateline, source, body and address, and drops navigation`, async ({ page }, testInfo) => {
    await page.goto(readingPages[locale].story);
    await expect(page.locator('.story-address')).toBeHidden();
    await page.emulateMedia({ media: 'print' });

    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.story-header .dateline')).toBeVisible();
    await expect(page.locator('.story-header time').first()).toBeVisible();
    await expect(page.locator('.source-credit')).toBeVisible();
    await expect(page.locator('.story-body p').last()).toBeVisible();
    const address = page.locator('.story-address');
    await expect(address).toBeVisible();
    await expect(address).toContainText(`/${locale}/news/${FIRST_STORY}/`);

    for (const navigation of await page.locator('nav').all()) await expect(navigation).toBeHidden();
    await expect(page.locator('footer.site-footer')).toBeHidden();
    await expect(page.locator('.related-stories')).toBeHidden();
    await expect(page.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('link', { name: text.otherStory })).toBeHidden();

    // Ink on white paper, whatever theme the reader chose on screen.
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await page.evaluate(() => localStorage.setItem('sada:theme', 'dark'));
    await page.reload();
    expect(luminance(await pageBackground(page))).toBeGreaterThan(0.95);
    expect(luminance(await page.getByRole('heading', { level: 1 }).evaluate((element) => getComputedStyle(element).color))).toBeLessThan(0.01);

    const pdf = testInfo.outputPath(`${locale}-story-print.pdf`);
    await page.pdf({ path: pdf, format: 'A4' });
    await testInfo.attach(`${locale} story, printed`, { path: pdf, contentType: 'application/pdf' });
  });
}

test('icons that point along the line are mirrored in Arabic and not in English', async ({ page }) => {
  for (const locale of locales) {
    await page.goto(readingPages[locale].story);
    const link = page.getByRole('link', { name: words[locale].otherStory });
    const arrow = link.locator('svg[data-icon="arrow-forward"]');
    const transform = await arrow.evaluate((element) => getComputedStyle(element).transform);
    expect(transform, locale).toBe(locale === 'ar' ? 'matrix(-1, 0, 0, 1, 0, 0)' : 'none');

    // The arrow follows the words, at the end of the line in the reading direction.
    const label = await link.locator('span').boundingBox();
    const icon = await arrow.boundingBox();
    if (!label || !icon) throw new Error('link not laid out');
    if (locale === 'ar') expect(icon.x + icon.width).toBeLessThanOrEqual(label.x + 1);
    else expect(icon.x).toBeGreaterThanOrEqual(label.x + label.width - 1);

    // The breadcrumb chevrons point from one step to the next: leftwards in Arabic.
    const chevron = await page
      .locator('.breadcrumbs li + li')
      .first()
      .evaluate((element) => getComputedStyle(element, '::before').transform);
    const [, sine] = chevron.match(/^matrix\(([^,]+), ([^,]+),/)?.slice(1).map(Number) ?? [];
    expect(Math.sign(sine), `${locale} breadcrumb chevron ${chevron}`).toBe(locale === 'ar' ? -1 : 1);

    // Icons without a direction are never mirrored.
    const menu = page.locator('svg[data-icon="menu"]');
    expect(await menu.evaluate((element) => getComputedStyle(element).transform)).toBe('none');
  }
});

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  const pages = [...exportedPages().filter((path) => path !== '/'), '/does-not-exist/'];

  for (const size of ['md', 'xl'] as const) {
    test(`no page scrolls sideways, in either language, with ${size === 'md' ? 'standard' : 'the largest'} text`, async ({ page }) => {
      // Each page is visited with the menu and then the settings open.
      test.setTimeout(timeForPages(pages.length, 5_000));
      if (size === 'xl') await page.addInitScript(() => localStorage.setItem('sada:text-size', 'xl'));
      expect(pages.some((path) => path.startsWith('/ar/')) && pages.some((path) => path.startsWith('/en/'))).toBe(true);
      for (const path of pages) {
        await page.goto(path);
        const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(await overflow(), path).toBeLessThanOrEqual(0);
        const locale = path.startsWith('/en/') ? 'en' : path.startsWith('/ar/') ? 'ar' : null;
        if (!locale) continue;
        // With the menu and the settings panel open, too.
        await page.getByRole('button', { name: controls[locale].menu }).click();
        expect(await overflow(), `${path} with the menu open`).toBeLessThanOrEqual(0);
        await page.getByRole('button', { name: controls[locale].settings }).click();
        const panel = page.locator('#reader-settings-panel');
        await expect(panel).toBeVisible();
        expect(await overflow(), `${path} with the settings open`).toBeLessThanOrEqual(0);
        const box = await panel.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 320, `${path}: settings panel inside the screen`).toBe(true);
      }
    });
  }
});

test.describe('screenshots', () => {
  for (const [width, label] of [
    [412, 'phone'],
    [1280, 'desktop'],
  ] as const) {
    for (const locale of locales) {
      test(`${locale}: full-page screenshots of the front page and the story in both themes (${label})`, async ({ page }, testInfo) => {
        test.setTimeout(90_000);
        await page.setViewportSize({ width, height: 900 });
        for (const theme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: theme });
          for (const kind of ['front', 'story'] as const) {
            await page.goto(readingPages[locale][kind]);
            await page.evaluate(() => document.fonts.ready);
            const file = testInfo.outputPath(`${locale}-${kind}-${label}-${theme}.png`);
            const image = await page.screenshot({ path: file, fullPage: true });
            expect(image.byteLength).toBeGreaterThan(10_000);
            await testInfo.attach(`${locale} ${kind} (${label}, ${theme})`, { path: file, contentType: 'image/png' });
          }
        }
      });
    }
  }
});
