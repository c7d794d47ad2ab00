import { renderStoryHtml } from '@/components/mdx/render-html';
import { locales } from '@/i18n/locales';
import { localeParam } from '@/i18n/params';
import { buildFeed, type Feed } from '@/lib/feeds/feed';

/**
 * The route handlers of the per-locale feeds (`feed.xml`, `atom.xml`): one static file per
 * locale, written at build time from the same feed model. Each route file still declares
 * `dynamic = 'force-static'` itself, since Next reads that setting from the file's source.
 */
export function feedRoute(render: (feed: Feed) => string, contentType: string) {
  return {
    generateStaticParams: () => locales.map((locale) => ({ locale })),
    GET: async (_request: Request, { params }: { params: Promise<{ locale: string }> }) => {
      const feed = await buildFeed(await localeParam(params), renderStoryHtml);
      return new Response(render(feed), { headers: { 'Content-Type': `${contentType}; charset=utf-8` } });
    },
  };
}
