import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_BASE_PATH, FIXTURE_STORIES, HOSTILE_TITLE, type FixtureStory } from '../fixtures/fixture-site';
import { watchForErrors } from './site';

/** These tests run against the fixture site (out-fixture/), served under its base path. */
const at = (sitePath: string) => `${FIXTURE_BASE_PATH}${sitePath}`;

type Locale = 'ar' | 'en';
const arabicDigits = (n: number) => n.toLocaleString('ar-u-nu-arab');

/** The fixture's stories in one language, newest first (the site's order). */
function storiesIn(locale: Locale): FixtureStory[] {
  return FIXTURE_STORIES.filter((story) => story.titles[locale]).sort(
    (a, b) => b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug),
  );
}

const titlesOf = (stories: FixtureStory[], locale: Locale) => stories.map((story) => story.titles[locale]!);

async function headlines(page: Page): Promise<string[]> {
  return page.getByRole('main').locator('.story-card-title').allTextContents();
}

test.describe('paginated listings', () => {
  const world = (locale: Locale) => storiesIn(locale).filter((story) => story.section === 'world');

  test('the Arabic section lists ten stories a page, newest first, with numbered pages', async ({ page }) => {
    await page.goto(at('/ar/sections/world/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('العالم');
    expect(await headlines(page)).toEqual(titlesOf(world('ar').slice(0, 10), 'ar'));
    const pages = page.getByRole('navigation', { name: 'الصفحات' });
    await expect(pages.getByRole('link')).toHaveText(['١', '٢', '٣', /الصفحة التالية/]);
    await expect(pages.getByRole('link', { name: 'الصفحة ١' })).toHaveAttribute('aria-current', 'page');
    await expect(pages.getByRole('link', { name: 'الصفحة السابقة' })).toHaveCount(0);

    await pages.getByRole('link', { name: 'الصفحة التالية' }).click();
    await expect(page).toHaveURL(new RegExp(`${at('/ar/sections/world/page/2/')}$`));
    await expect(page).toHaveTitle(/^العالم، الصفحة ٢ \| صدى$/);
    expect(await headlines(page)).toEqual(titlesOf(world('ar').slice(10, 20), 'ar'));
    await expect(pages.getByRole('link', { name: 'الصفحة ٢' })).toHaveAttribute('aria-current', 'page');

    await pages.getByRole('link', { name: 'الصفحة ٣' }).click();
    expect(await headlines(page)).toEqual(titlesOf(world('ar').slice(20), 'ar'));
    await expect(pages.getByRole('link', { name: 'الصفحة التالية' })).toHaveCount(0);
    await pages.getByRole('link', { name: 'الصفحة السابقة' }).click();
    await expect(page).toHaveURL(new RegExp(`${at('/ar/sections/world/page/2/')}$`));
    await pages.getByRole('link', { name: 'الصفحة السابقة' }).click();
    // Back on the first page at its one address, never at page/1/.
    await expect(page).toHaveURL(new RegExp(`${at('/ar/sections/world/')}$`));
  });

  for (const [locale, previous, next] of [
    ['ar', 'الصفحة السابقة', 'الصفحة التالية'],
    ['en', 'Previous page', 'Next page'],
  ] as const) {
    test(`previous and next follow the ${locale} reading direction`, async ({ page }) => {
      await page.goto(at(`/${locale}/sections/world/page/2/`));
      const pages = page.getByRole('navigation', { name: locale === 'ar' ? 'الصفحات' : 'Pages' });
      const box = async (name: string) => (await pages.getByRole('link', { name, exact: true }).boundingBox())!;
      const pageName = (n: number) => (locale === 'ar' ? `الصفحة ${arabicDigits(n)}` : `Page ${n}`);
      const order = [await box(previous), await box(pageName(1)), await box(pageName(2)), await box(pageName(3)), await box(next)];
      // Each link comes after the one before it in reading order: further along the line
      // (leftwards in Arabic, rightwards in English), or on a later line when they wrap.
      for (let index = 1; index < order.length; index += 1) {
        const [a, b] = [order[index - 1], order[index]];
        if (Math.abs(a.y - b.y) < a.height / 2) {
          if (locale === 'ar') expect(b.x + b.width, `link ${index + 1} is left of link ${index}`).toBeLessThanOrEqual(a.x + 1);
          else expect(b.x, `link ${index + 1} is right of link ${index}`).toBeGreaterThanOrEqual(a.x + a.width - 1);
        } else {
          expect(b.y, `link ${index + 1} wraps onto a later line`).toBeGreaterThan(a.y);
        }
      }
      // The page numbers sit side by side on one line, each a target big enough to tap
      // (WCAG 2.2 asks for 24 by 24 px at least).
      expect(Math.abs(order[1].y - order[3].y)).toBeLessThan(2);
      for (const link of order) expect(Math.min(link.width, link.height)).toBeGreaterThanOrEqual(24);
      // The first link starts the line on the reading side.
      const viewport = page.viewportSize()!.width;
      if (locale === 'ar') expect(order[0].x + order[0].width).toBeGreaterThan(viewport * 0.8);
      else expect(order[0].x).toBeLessThan(viewport * 0.2);
      await expect(pages.getByRole('link', { name: previous })).toHaveAttribute('rel', 'prev');
      await expect(pages.getByRole('link', { name: next })).toHaveAttribute('rel', 'next');
    });
  }

  test('the English section pages use Latin digits and the page number in the breadcrumbs', async ({ page }) => {
    await page.goto(at('/en/sections/world/page/3/'));
    await expect(page).toHaveTitle('World, page 3 | Sada');
    await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('link')).toHaveText([/Previous page/, '1', '2', '3']);
    await expect(page.getByRole('navigation', { name: 'You are here' }).getByRole('listitem')).toHaveText(['Home', 'Sections', 'World', 'Page 3']);
    expect(await headlines(page)).toEqual(titlesOf(world('en').slice(20), 'en'));
  });

  test('tag pages paginate the same way', async ({ page }) => {
    const tagged = storiesIn('ar').filter((story) => story.tags.includes('united-nations'));
    expect(tagged.length).toBeGreaterThan(10);
    await page.goto(at('/ar/tags/united-nations/'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('الأمم المتحدة');
    expect(await headlines(page)).toEqual(titlesOf(tagged.slice(0, 10), 'ar'));
    await page.getByRole('navigation', { name: 'الصفحات' }).getByRole('link', { name: `الصفحة ${arabicDigits(2)}` }).click();
    expect(await headlines(page)).toEqual(titlesOf(tagged.slice(10), 'ar'));
    await expect(page.getByRole('navigation', { name: 'أنت هنا' }).getByRole('listitem')).toHaveText(['الرئيسية', 'الوسوم', 'الأمم المتحدة', 'الصفحة ٢']);
  });

  test('pages past the end, and page/1/, do not exist', async ({ page }) => {
    for (const sitePath of ['/ar/sections/world/page/4/', '/ar/sections/world/page/1/', '/en/tags/qatar/page/2/']) {
      const response = await page.goto(at(sitePath));
      expect(response?.status(), sitePath).toBe(404);
    }
  });
});

test.describe('the front page', () => {
  for (const locale of ['ar', 'en'] as const) {
    test(`shows the latest 25 stories in ${locale} and sends readers to the sections for older ones`, async ({ page }) => {
      const stories = storiesIn(locale);
      expect(stories.length).toBeGreaterThan(25);
      await page.goto(at(`/${locale}/`));
      expect(await headlines(page)).toEqual(titlesOf(stories.slice(0, 25), locale));
      const older = page.getByRole('main').getByRole('link', { name: locale === 'ar' ? 'القصص الأقدم في أقسام الموقع' : 'Older stories, section by section' });
      await older.click();
      await expect(page).toHaveURL(new RegExp(`${at(`/${locale}/sections/`)}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'ar' ? 'الأقسام' : 'Sections');
    });
  }
});

test.describe('related stories', () => {
  /** What the site should list: same section or a shared tag, newest first, at most four. */
  function expectedRelated(slug: string, locale: Locale): string[] {
    const story = FIXTURE_STORIES.find((candidate) => candidate.slug === slug)!;
    const related = storiesIn(locale).filter(
      (other) => other.slug !== slug && (other.section === story.section || other.tags.some((tag) => story.tags.includes(tag))),
    );
    return titlesOf(related.slice(0, 4), locale);
  }

  for (const [slug, locale] of [
    ['world-05', 'ar'],
    ['world-05', 'en'],
    ['hostile-title', 'en'],
    ['merchants-market', 'ar'],
  ] as const) {
    test(`${slug} (${locale}) ends with the newest stories of its section or tags`, async ({ page }) => {
      await page.goto(at(`/${locale}/news/${slug}/`));
      const section = page.getByRole('region', { name: locale === 'ar' ? 'قصص ذات صلة' : 'Related stories' });
      const expected = expectedRelated(slug, locale);
      expect(expected.length).toBeGreaterThan(0);
      await expect(section.getByRole('heading', { level: 3 })).toHaveText(expected);
      const own = FIXTURE_STORIES.find((story) => story.slug === slug)!.titles[locale]!;
      await expect(section.getByRole('link', { name: own, exact: true })).toHaveCount(0);
      await section.getByRole('link').first().click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(expected[0]);
    });
  }
});

test.describe('text that could break out of its context', () => {
  for (const locale of ['ar', 'en'] as const) {
    test(`a ${locale} headline with </script> and quotes stays text everywhere`, async ({ page }) => {
      const dialogs: string[] = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await page.goto(at(`/${locale}/news/hostile-title/`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE_TITLE[locale]);
      expect(await page.title()).toBe(`${HOSTILE_TITLE[locale]} | ${locale === 'ar' ? 'صدى' : 'Sada'}`);
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', HOSTILE_TITLE[locale]);
      // Only the two JSON-LD blocks and the site's own two scripts: no script element was smuggled in.
      const scripts = await page.locator('script').evaluateAll((elements) =>
        elements.map((element) => ({
          type: element.getAttribute('type'),
          ours: element.hasAttribute('data-site-script'),
          src: element.getAttribute('src')?.replace(/\?.*$/, '') ?? null,
          text: element.getAttribute('type') === 'application/ld+json' ? '' : (element.textContent ?? ''),
        })),
      );
      expect(scripts.filter((script) => script.type === 'application/ld+json')).toHaveLength(2);
      const others = scripts.filter((script) => script.type !== 'application/ld+json');
      expect(others.map(({ ours, src }) => ({ ours, src }))).toEqual([
        { ours: true, src: null },
        { ours: true, src: at('/scripts/site.js') },
      ]);
      for (const script of others) expect(script.text).not.toContain('alert');
      const headlines = await page
        .locator('script[type="application/ld+json"]')
        .evaluateAll((elements) => elements.map((element) => JSON.parse(element.textContent ?? '')).filter((data) => data['@type'] === 'NewsArticle').map((data) => data.headline));
      expect(headlines).toEqual([HOSTILE_TITLE[locale]]);
      await expect(page.getByRole('navigation', { name: locale === 'ar' ? 'أنت هنا' : 'You are here' }).getByRole('link').last()).toHaveText(HOSTILE_TITLE[locale]);
      expect(dialogs).toEqual([]);
    });
  }
});

test.describe('a site under a sub-path', () => {
  test.describe.configure({ timeout: 90_000 });

  test('search loads its index from the sub-path and links there', async ({ page }) => {
    const errors = watchForErrors(page);
    await page.goto(at(`/ar/search/?q=${encodeURIComponent('التجار')}`));
    const results = page.locator('#search-results');
    const link = results.getByRole('link', { name: 'التجار في سوق الخضار يشكون من ارتفاع الأسعار' });
    await expect(link).toBeVisible({ timeout: 30_000 });
    await expect(results.getByRole('listitem')).toHaveCount(1);
    await expect(link).toHaveAttribute('href', at('/ar/news/merchants-market/'));
    await link.click();
    await expect(page).toHaveURL(new RegExp(`${at('/ar/news/merchants-market/')}$`));
    // Fonts, styles and scripts all come from under the sub-path, and nothing is refused.
    expect(errors).toEqual([]);
  });

  test('a story in one language only offers the other language’s front page', async ({ page }) => {
    await page.goto(at('/en/news/ports-english-only/'));
    const switcher = page.getByRole('banner').getByRole('link', { name: 'العربية' });
    await expect(switcher).toHaveAttribute('href', at('/ar/'));
    await expect(page.locator('link[rel="alternate"][hreflang="ar"]')).toHaveCount(0);
  });
});
