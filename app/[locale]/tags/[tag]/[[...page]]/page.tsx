import { listingRoute } from '@/components/listing/listing-route';

/** `/{locale}/tags/{tag}/` and its later pages `.../page/N/`. */
const route = listingRoute('tag', 'tag');

export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
