import { describe, expect, it } from 'vitest';
import { hreflangUrls, pageMetadata } from '@/lib/metadata';

const origin = /^https?:\/\/[^/]+/;

describe('page metadata', () => {
  it('links a page to its existing versions and to x-default (the Arabic version)', () => {
    const languages = hreflangUrls('en', '/en/news/a/', [{ locale: 'ar', path: '/ar/news/a/', sameStory: true }]);
    expect(Object.keys(languages)).toEqual(['en', 'ar', 'x-default']);
    expect(languages['x-default']).toMatch(/\/ar\/news\/a\/$/);
  });

  it('does not point hreflang at a page that is not the same content', () => {
    const languages = hreflangUrls('en', '/en/news/only-english/', [{ locale: 'ar', path: '/ar/', sameStory: false }]);
    expect(Object.keys(languages)).toEqual(['en', 'x-default']);
    expect(languages['x-default']).toMatch(/\/en\/news\/only-english\/$/);
  });

  it('announces the language’s feeds and a 1200x630 card on every page, with absolute URLs', () => {
    const metadata = pageMetadata({ locale: 'ar', title: 'عنوان', description: 'وصف', path: '/ar/sections/', alternates: [] });
    const types = metadata.alternates?.types as Record<string, { url: string; title: string }[]>;
    expect(types['application/rss+xml'][0].url).toMatch(/\/ar\/feed\.xml$/);
    expect(types['application/atom+xml'][0].url).toMatch(/\/ar\/atom\.xml$/);
    expect(types['application/rss+xml'][0].title).toBe('صدى بالعربية (RSS)');
    expect(metadata.alternates?.canonical).toMatch(origin);
    const images = metadata.openGraph?.images as { url: string; width: number; height: number }[];
    expect(images[0]).toMatchObject({ width: 1200, height: 630 });
    expect(images[0].url).toMatch(/\/ar\/card\.png$/);
    expect(metadata.twitter).toMatchObject({ card: 'summary_large_image' });
    expect(metadata.robots).toBeUndefined();
  });

  it('gives articles their times with a time zone, and keeps empty listings out of search engines', () => {
    const article = pageMetadata({
      locale: 'en',
      title: 'T',
      description: 'D',
      path: '/en/news/a/',
      alternates: [],
      article: { publishedDate: '2026-11-28', section: 'World', tags: ['Qatar'], authors: ['Desk'] },
    });
    expect(article.openGraph).toMatchObject({ type: 'article', publishedTime: '2026-11-28T00:00:00Z', modifiedTime: '2026-11-28T00:00:00Z', section: 'World', tags: ['Qatar'] });
    const empty = pageMetadata({ locale: 'en', title: 'T', description: 'D', path: '/en/tags/x/', alternates: [], noindex: true });
    expect(empty.robots).toEqual({ index: false, follow: true });
  });
});
