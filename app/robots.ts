import type { MetadataRoute } from 'next';
import { absoluteUrl, paths } from '@/lib/urls';

/** `/robots.txt`: everything may be crawled; the sitemap lists what is worth indexing. */
export const dynamic = 'force-static';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/' },
    sitemap: absoluteUrl(paths.sitemap()),
  };
}
