import { renderRss } from '@/lib/feeds/rss';
import { feedRoute } from '@/components/seo/feed-route';

/** `/{locale}/feed.xml`: RSS 2.0, written once at build time. */
export const dynamic = 'force-static';
export const dynamicParams = false;

const route = feedRoute(renderRss, 'application/rss+xml');
export const generateStaticParams = route.generateStaticParams;
export const GET = route.GET;
