import { taxonomyIndexRoute } from '@/components/listing/taxonomy-index-route';

/** `/{locale}/sections/`: every section, with how many stories it holds in this language. */
const route = taxonomyIndexRoute('section');

export const generateMetadata = route.generateMetadata;
export default route.Page;
