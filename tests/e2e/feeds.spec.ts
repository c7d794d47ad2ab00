import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { feedSize } from '@/lib/config';
import { FIXTURE_STORIES, HOSTILE_TITLE } from '../fixtures/fixture-site';
import { checkAtom, checkRss } from '../support/feed-rules';
import { child, childrenNamed, parseXml, textOf } from '../support/xml-tree';
import { absolute, fileOf, FIXTURE_SITE, REAL_SITE, requireExport, SITES, sitePathOf, type ExportedSite } from './documents';
import { FIRST_STORY } from './site';

const read = (site: ExportedSite, sitePath: string) => {
  requireExport(site);
  return readFileSync(fileOf(site, sitePath), 'utf8');
};

test.describe('feeds', () => {
  for (const locale of ['ar', 'en'] as const) {
    test(`the ${locale} RSS and Atom feeds pass the W3C feed validator's rules`, () => {
      expect(checkRss(read(REAL_SITE, `/${locale}/feed.xml`))).toEqual([]);
      expect(checkAtom(read(REAL_SITE, `/${locale}/atom.xml`))).toEqual([]);
    });

    test(`the ${locale} RSS feed carries the full story, its summary, language, dates and a stable GUID`, () => {
      const channel = child(parseXml(read(REAL_SITE, `/${locale}/feed.xml`)), 'channel')!;
      expect(textOf(channel, 'language')).toBe(locale);
      expect(childrenNamed(channel, 'atom:link')[0].attrs.href).toBe(absolute(REAL_SITE, `/${locale}/feed.xml`));
      const [item] = childrenNamed(channel, 'item');
      const url = absolute(REAL_SITE, `/${locale}/news/${FIRST_STORY}/`);
      expect(textOf(item, 'link')).toBe(url);
      expect(textOf(item, 'guid')).toBe(url);
      expect(textOf(item, 'pubDate')).toBe('Sat, 28 Nov 2026 00:00:00 GMT');
      const html = textOf(item, 'content:encoded')!;
      const page = read(REAL_SITE, `/${locale}/news/${FIRST_STORY}/`);
      const body = page.slice(page.indexOf('class="story-body'), page.indexOf('<footer class="story-footer"'));
      const paragraphs = [...body.matchAll(/<p>([^<]+)<\/p>/g)].map((match) => match[1]);
      expect(paragraphs.length).toBeGreaterThan(10);
      for (const paragraph of paragraphs) expect(html).toContain(paragraph);
      const summary = locale === 'ar' ? /^وزير العمل القطري/ : /^Qatar&#x27;s labour minister|^Qatar's labour minister/;
      expect(textOf(item, 'description')).toMatch(summary);
    });

    test(`the ${locale} Atom feed names its language, links the translation and uses RFC 3339 dates`, () => {
      const feed = parseXml(read(REAL_SITE, `/${locale}/atom.xml`));
      expect(feed.attrs['xml:lang']).toBe(locale);
      expect(childrenNamed(feed, 'link').find((link) => link.attrs.rel === 'self')?.attrs.href).toBe(absolute(REAL_SITE, `/${locale}/atom.xml`));
      const [entry] = childrenNamed(feed, 'entry');
      expect(textOf(entry, 'id')).toBe(absolute(REAL_SITE, `/${locale}/news/${FIRST_STORY}/`));
      expect(textOf(entry, 'published')).toBe('2026-11-28T00:00:00Z');
      const other = locale === 'ar' ? 'en' : 'ar';
      expect(childrenNamed(entry, 'link').find((link) => link.attrs.hreflang === other)?.attrs.href).toBe(absolute(REAL_SITE, `/${other}/news/${FIRST_STORY}/`));
    });
  }

  for (const site of SITES) {
    test(`${site.name} feeds list the newest stories first and link only to pages that exist`, () => {
      for (const locale of ['ar', 'en']) {
        const channel = child(parseXml(read(site, `/${locale}/feed.xml`)), 'channel')!;
        const items = childrenNamed(channel, 'item');
        expect(items.length).toBeGreaterThan(0);
        expect(items.length).toBeLessThanOrEqual(feedSize);
        const dates = items.map((item) => Date.parse(textOf(item, 'pubDate')!));
        expect([...dates].sort((a, b) => b - a)).toEqual(dates);
        for (const item of items) {
          const target = sitePathOf(site, textOf(item, 'link')!);
          expect(target && existsSync(fileOf(site, target)), textOf(item, 'link')).toBe(true);
        }
        const atomIds = childrenNamed(parseXml(read(site, `/${locale}/atom.xml`)), 'entry').map((entry) => textOf(entry, 'id'));
        expect(atomIds).toEqual(items.map((item) => textOf(item, 'guid')));
      }
    });
  }

  test('a headline with markup and </script> reaches feed readers as the same text', () => {
    for (const locale of ['ar', 'en'] as const) {
      const items = childrenNamed(child(parseXml(read(FIXTURE_SITE, `/${locale}/feed.xml`)), 'channel')!, 'item');
      expect(items.map((item) => textOf(item, 'title'))).toContain(HOSTILE_TITLE[locale]);
      const entries = childrenNamed(parseXml(read(FIXTURE_SITE, `/${locale}/atom.xml`)), 'entry');
      expect(entries.map((entry) => textOf(entry, 'title'))).toContain(HOSTILE_TITLE[locale]);
    }
    expect(FIXTURE_STORIES.some((story) => story.slug === 'hostile-title')).toBe(true);
  });

  test('feeds are served with an XML content type', async ({ request }) => {
    for (const sitePath of ['/ar/feed.xml', '/en/atom.xml']) {
      const response = await request.get(sitePath);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/xml/);
    }
  });
});
