import { renderAtom } from '@/lib/feeds/atom';
import { feedRoute } from '@/components/seo/feed-route';

/** `/{locale}/atom.xml`: Atom, written once at build time. */
export const dynamic = 'force-static';
export const dynamicParams = false;

const route = feedRoute(renderAtom, 'application/atom+xml');
export const generateStaticParams = route.generateStaticParams;
export const GET = route.GET;
