import { renderStoryHtml } from '@/components/mdx/render-html';
import { locales } from '@/i18n/locales';
import { localeParam } from '@/i18n/params';
import { buildFeed } from '@/lib/feeds/feed';
import { renderRss } from '@/lib/feeds/rss';

/** `/{locale}/feed.xml`: RSS 2.0, written once at build time. */
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const feed = await buildFeed(await localeParam(params), renderStoryHtml);
  return new Response(renderRss(feed), { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
