import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { validateSitemap } from '../support/sitemap-schema';
import { childrenNamed, parseXml, textOf } from '../support/xml-tree';
import { absolute, fileOf, hreflangsOf, isNoindex, pagesOf, readDocument, requireExport, SITES, sitePathOf } from './documents';

for (const site of SITES) {
  test.describe(`the ${site.name}'s sitemap`, () => {
    const xml = () => {
      requireExport(site);
      return readFileSync(fileOf(site, '/sitemap.xml'), 'utf8');
    };

    test('is valid against the sitemaps.org schema with the XHTML link extension', async () => {
      expect(await validateSitemap(xml())).toEqual([]);
    });

    test('lists exactly the pages that may be indexed, with the dates they changed', () => {
      const urls = childrenNamed(parseXml(xml()), 'url');
      const listed = urls.map((url) => sitePathOf(site, textOf(url, 'loc')!));
      expect(listed).not.toContain(null);
      const indexable = pagesOf(site).filter((sitePath) => sitePath !== '/' && !isNoindex(readDocument(site, sitePath)));
      expect([...listed].sort()).toEqual([...indexable].sort());
      expect(new Set(listed).size).toBe(listed.length);
      for (const url of urls) expect(textOf(url, 'lastmod'), textOf(url, 'loc')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    });

    test('gives every page the same language versions as its head, reciprocally, with x-default', () => {
      const entries = new Map(
        childrenNamed(parseXml(xml()), 'url').map((url) => [
          textOf(url, 'loc')!,
          Object.fromEntries(childrenNamed(url, 'xhtml:link').map((link) => [link.attrs.hreflang, link.attrs.href])),
        ]),
      );
      for (const [loc, languages] of entries) {
        const sitePath = sitePathOf(site, loc)!;
        const document = readDocument(site, sitePath);
        expect(languages, loc).toEqual(hreflangsOf(document));
        expect(languages['x-default'], loc).toBeTruthy();
        expect(languages[document.lang], loc).toBe(loc);
        for (const [language, href] of Object.entries(languages)) {
          if (language === 'x-default') continue;
          expect(entries.get(href)?.[document.lang], `${href} does not list ${loc} back`).toBe(loc);
        }
      }
    });
  });
}

test('robots.txt lets crawlers in and points to the sitemap', () => {
  const [site] = SITES;
  requireExport(site);
  const robots = readFileSync(fileOf(site, '/robots.txt'), 'utf8');
  expect(robots).toMatch(/^User-Agent: \*$/m);
  expect(robots).toMatch(/^Allow: \/$/m);
  expect(robots).toContain(`Sitemap: ${absolute(site, '/sitemap.xml')}`);
});
