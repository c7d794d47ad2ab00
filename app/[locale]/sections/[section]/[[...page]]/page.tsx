import { listingRoute } from '@/components/listing/listing-route';

/** `/{locale}/sections/{section}/` and its later pages `.../page/N/`. */
const route = listingRoute('section', 'section');

export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
