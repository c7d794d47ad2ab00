import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import {
  absolute,
  canonicalOf,
  fileOf,
  FIXTURE_SITE,
  hreflangsOf,
  isNoindex,
  jsonLdObjects,
  meta,
  pagesOf,
  readDocument,
  REAL_SITE,
  SITES,
  sitePathOf,
} from './documents';
import { FIRST_STORY } from './site';

const SECTIONS = {
  ar: ['سياسة', 'اقتصاد', 'حقوق الإنسان', 'مجتمع', 'العالم', 'ثقافة', 'تقنية', 'بيئة'],
  en: ['Politics', 'Economy', 'Human rights', 'Society', 'World', 'Culture', 'Technology', 'Environment'],
};

test.describe('sections and tags', () => {
  for (const locale of ['ar', 'en'] as const) {
    test(`the ${locale} navigation lists every section and leads to its page`, async ({ page }) => {
      await page.goto(`/${locale}/`);
      const nav = page.getByRole('navigation', { name: locale === 'ar' ? 'الأقسام' : 'Sections' });
      // On a phone the navigation folds behind the Menu button once the page is scripted.
      const menu = page.getByRole('button', { name: locale === 'ar' ? 'القائمة' : 'Menu' });
      if (await menu.isVisible()) await menu.click();
      for (const name of SECTIONS[locale]) await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
      await nav.getByRole('link', { name: SECTIONS[locale][2], exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/${locale}/sections/human-rights/$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(SECTIONS[locale][2]);
      if (await menu.isVisible()) await menu.click();
      await expect(nav.getByRole('link', { name: SECTIONS[locale][2], exact: true })).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('main').getByRole('link', { name: locale === 'ar' ? /منظمات: خطوة غير مسبوقة/ : /unprecedented step by Qatar/ })).toBeVisible();
    });
  }

  test('the index of sections names every section with its number of stories', async ({ page }) => {
    await page.goto('/ar/sections/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('الأقسام');
    const items = page.getByRole('main').locator('.taxonomy-index li');
    await expect(items).toHaveCount(8);
    await expect(items.filter({ hasText: 'حقوق الإنسان' })).toContainText('قصة واحدة');
    await expect(items.filter({ hasText: 'اقتصاد' })).toContainText('لا قصص بعد');
  });

  test('the index of tags lists the tags in use, named in the page’s language', async ({ page }) => {
    await page.goto('/en/tags/');
    const links = page.getByRole('main').locator('.taxonomy-index a');
    await expect(links).toHaveText(['Human trafficking', 'Migrant workers', 'Qatar', 'United Nations']);
    await links.filter({ hasText: 'Qatar' }).click();
    await expect(page).toHaveURL(/\/en\/tags\/qatar\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Qatar');
    await expect(page.getByRole('main').getByRole('link', { name: /unprecedented step by Qatar/ })).toBeVisible();
  });

  test('a story links to its section and tag pages', async ({ page }) => {
    await page.goto(`/ar/news/${FIRST_STORY}/`);
    const facts = page.locator('.story-facts');
    await facts.getByRole('link', { name: 'الأمم المتحدة' }).click();
    await expect(page).toHaveURL(/\/ar\/tags\/united-nations\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('الأمم المتحدة');
  });

  test('an empty section says so and is kept out of search engines', async ({ page }) => {
    await page.goto('/en/sections/culture/');
    await expect(page.getByText('No stories have been published in this section in English yet.')).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  });
});

test.describe('breadcrumbs', () => {
  test('a story shows where it sits, mirrored in BreadcrumbList structured data', async ({ page }) => {
    await page.goto(`/en/news/${FIRST_STORY}/`);
    const trail = page.getByRole('navigation', { name: 'You are here' });
    await expect(trail.getByRole('listitem')).toHaveText(['Home', 'Human rights', /^Organisations: an unprecedented step/]);
    await expect(trail.getByRole('link').last()).toHaveAttribute('aria-current', 'page');
    await trail.getByRole('link', { name: 'Human rights' }).click();
    await expect(page).toHaveURL(/\/en\/sections\/human-rights\/$/);
    const arabic = readDocument(REAL_SITE, `/ar/news/${FIRST_STORY}/`);
    const list = jsonLdObjects(arabic).find((entry) => entry['@type'] === 'BreadcrumbList') as { itemListElement: { position: number; name: string; item: string }[] };
    expect(list.itemListElement.map((item) => [item.position, item.name])).toEqual([
      [1, 'الرئيسية'],
      [2, 'حقوق الإنسان'],
      [3, 'منظمات: خطوة غير مسبوقة من قطر لمكافحة الاتجار بالبشر'],
    ]);
    expect(list.itemListElement[1].item).toBe(absolute(REAL_SITE, '/ar/sections/human-rights/'));
  });

  test('section and tag pages show the path from the front page', async ({ page }) => {
    await page.goto('/ar/sections/human-rights/');
    await expect(page.getByRole('navigation', { name: 'أنت هنا' }).getByRole('listitem')).toHaveText(['الرئيسية', 'الأقسام', 'حقوق الإنسان']);
    await page.goto('/en/tags/qatar/');
    await expect(page.getByRole('navigation', { name: 'You are here' }).getByRole('listitem')).toHaveText(['Home', 'Tags', 'Qatar']);
  });
});

test.describe('what feed readers, search engines and link previews read', () => {
  for (const site of SITES) {
    const localised = pagesOf(site).filter((sitePath) => /^\/(ar|en)\//.test(sitePath));

    test(`every ${site.name} page announces its language’s RSS and Atom feeds`, async ({ page }) => {
      for (const sitePath of localised) {
        const document = readDocument(site, sitePath);
        const locale = sitePath.slice(1, 3);
        const feeds = document.links.filter((link) => link.rel === 'alternate' && link.type?.endsWith('+xml'));
        expect(feeds.map((link) => [link.type, link.href]), sitePath).toEqual([
          ['application/rss+xml', absolute(site, `/${locale}/feed.xml`)],
          ['application/atom+xml', absolute(site, `/${locale}/atom.xml`)],
        ]);
        expect(feeds.every((link) => link.title), sitePath).toBe(true);
      }
      // And the browser sees them and can fetch them.
      await page.goto(`${site.basePath}/en/`);
      const href = await page.locator('link[type="application/rss+xml"]').getAttribute('href');
      const response = await page.request.get(`${site.basePath}${sitePathOf(site, href!)}`);
      expect(response.status()).toBe(200);
      expect(await response.text()).toContain('<rss version="2.0"');
    });

    test(`every ${site.name} page has an absolute canonical URL, a description, Open Graph and Twitter tags`, async () => {
      for (const sitePath of localised) {
        const document = readDocument(site, sitePath);
        const canonical = canonicalOf(document);
        expect(canonical, sitePath).toBe(absolute(site, sitePath));
        expect(meta(document, 'description')[0]?.length, `${sitePath} description`).toBeGreaterThan(20);
        expect(meta(document, 'og:url'), sitePath).toEqual([canonical]);
        for (const key of ['og:title', 'og:description', 'og:site_name', 'og:locale', 'og:type', 'og:image', 'og:image:alt', 'twitter:card', 'twitter:title', 'twitter:image']) {
          expect(meta(document, key)[0], `${sitePath} ${key}`).toBeTruthy();
        }
        expect(meta(document, 'og:locale')[0]).toBe(document.lang === 'ar' ? 'ar_AR' : 'en_US');
        expect(meta(document, 'twitter:card')[0]).toBe('summary_large_image');
        const image = meta(document, 'og:image')[0];
        expect(meta(document, 'twitter:image')[0]).toBe(image);
        const imagePath = sitePathOf(site, image);
        expect(imagePath, `${sitePath} og:image ${image}`).not.toBeNull();
        const size = await sharp(fileOf(site, imagePath!)).metadata();
        expect([size.format, size.width, size.height], image).toEqual(['png', 1200, 630]);
        if (sitePath.includes('/news/')) {
          expect(meta(document, 'og:type')[0]).toBe('article');
          expect(image).toBe(absolute(site, `${sitePath}card.png`));
          for (const key of ['article:published_time', 'article:modified_time']) {
            expect(meta(document, key)[0], `${sitePath} ${key}`).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/);
          }
          expect(meta(document, 'article:section')[0], sitePath).toBeTruthy();
        }
      }
    });

    test(`${site.name} hreflang links are reciprocal, point to existing pages and include x-default`, () => {
      for (const sitePath of localised) {
        const document = readDocument(site, sitePath);
        if (isNoindex(document)) continue;
        const languages = hreflangsOf(document);
        expect(languages[document.lang], sitePath).toBe(absolute(site, sitePath));
        expect(languages['x-default'], sitePath).toBeTruthy();
        for (const [language, url] of Object.entries(languages)) {
          const target = sitePathOf(site, url);
          expect(target, `${sitePath} → ${url}`).not.toBeNull();
          const other = readDocument(site, target!);
          expect(isNoindex(other), `${sitePath} → ${target} is noindex`).toBe(false);
          if (language === 'x-default') continue;
          expect(other.lang, `${target}`).toBe(language);
          expect(hreflangsOf(other)[document.lang], `${target} does not link back to ${sitePath}`).toBe(absolute(site, sitePath));
        }
      }
    });

    test(`every ${site.name} story page carries a complete NewsArticle`, () => {
      const stories = localised.filter((sitePath) => /^\/(ar|en)\/news\/[^/]+\/$/.test(sitePath));
      expect(stories.length).toBeGreaterThan(0);
      for (const sitePath of stories) {
        const document = readDocument(site, sitePath);
        const article = jsonLdObjects(document).find((entry) => entry['@type'] === 'NewsArticle') as Record<string, any>;
        expect(article, sitePath).toBeTruthy();
        expect(article['@context']).toBe('https://schema.org');
        expect(article.headline).toBe(document.title.replace(/ \| (صدى|Sada)$/, ''));
        for (const field of ['description', 'author', 'publisher', 'image', 'mainEntityOfPage', 'isBasedOn', 'articleSection', 'keywords']) {
          expect(article[field], `${sitePath} ${field}`).toBeTruthy();
        }
        expect(article.inLanguage).toBe(document.lang);
        expect(article.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        expect(article.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
        expect(article.mainEntityOfPage['@id']).toBe(absolute(site, sitePath));
        expect(article.publisher['@type']).toBe('NewsMediaOrganization');
        expect(sitePathOf(site, article.publisher.logo.url)).toBe('/logo.png');
        expect(article.image[0].url).toBe(absolute(site, `${sitePath}card.png`));
        const languages = hreflangsOf(document);
        const others = Object.keys(languages).filter((language) => language !== 'x-default' && language !== document.lang);
        const linked = [article.translationOfWork, ...(article.workTranslation ?? [])].filter(Boolean);
        expect(linked.map((work: { inLanguage: string }) => work.inLanguage).sort(), `${sitePath} translations`).toEqual(others.sort());
      }
    });
  }

  test('the front pages describe the site as a WebSite with its search', () => {
    for (const locale of ['ar', 'en']) {
      const website = jsonLdObjects(readDocument(REAL_SITE, `/${locale}/`)).find((entry) => entry['@type'] === 'WebSite') as Record<string, any>;
      expect(website.inLanguage).toBe(locale);
      expect(website.potentialAction.target.urlTemplate).toBe(`${absolute(REAL_SITE, `/${locale}/search/`)}?q={search_term_string}`);
    }
  });

  test('the fixture site exists for the listing tests', () => {
    expect(pagesOf(FIXTURE_SITE).length).toBeGreaterThan(50);
  });
});
