import { describe, expect, it } from 'vitest';
import { orderSitemap } from '@/lib/export/sitemap-order';
import { validateSitemap } from '../../../support/sitemap-schema';

/** What Next.js writes for an entry with alternates and a date: links before <lastmod>. */
const asNextWritesIt = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
<url>
<loc>https://news.example/ar/</loc>
<xhtml:link rel="alternate" hreflang="ar" href="https://news.example/ar/" />
<xhtml:link rel="alternate" hreflang="en" href="https://news.example/en/" />
<xhtml:link rel="alternate" hreflang="x-default" href="https://news.example/ar/" />
<lastmod>2026-11-28T00:00:00Z</lastmod>
</url>
<url>
<loc>https://news.example/en/</loc>
<lastmod>2026-11-28</lastmod>
</url>
</urlset>
`;

describe('sitemap order', () => {
  it('is needed: the schema rejects <lastmod> after the alternate links', async () => {
    expect((await validateSitemap(asNextWritesIt)).join('\n')).toMatch(/lastmod': This element is not expected/);
  });

  it('moves every child into the schema order, keeping the links in their order', async () => {
    const ordered = orderSitemap(asNextWritesIt);
    expect(await validateSitemap(ordered)).toEqual([]);
    const first = ordered.slice(ordered.indexOf('<url>'), ordered.indexOf('</url>'));
    expect(first.split('\n').slice(1, 4)).toEqual([
      '<loc>https://news.example/ar/</loc>',
      '<lastmod>2026-11-28T00:00:00Z</lastmod>',
      '<xhtml:link rel="alternate" hreflang="ar" href="https://news.example/ar/" />',
    ]);
    expect(orderSitemap(ordered)).toBe(ordered);
  });

  it('still reports a sitemap that is wrong for other reasons', async () => {
    const broken = orderSitemap(asNextWritesIt).replace('hreflang="en" href="https://news.example/en/"', 'hreflang="en"');
    expect((await validateSitemap(broken)).join('\n')).toMatch(/href.*required/);
  });
});
