import type { MetadataRoute } from 'next';
import { sitemapEntries } from '@/lib/seo/sitemap';

/**
 * `/sitemap.xml`: every indexable page with its language versions (`xhtml:link hreflang`,
 * including `x-default`). The post-export step puts each `<url>`'s children in the order the
 * sitemaps.org schema requires (Next writes the links before `<lastmod>`).
 */
export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  return sitemapEntries().map((entry) => ({
    url: entry.url,
    lastModified: entry.lastModified,
    alternates: { languages: entry.languages },
  }));
}
