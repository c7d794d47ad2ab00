import { taxonomyIndexRoute } from '@/components/listing/taxonomy-index-route';

/** `/{locale}/tags/`: the tags used by stories in this language, with how many carry each. */
const route = taxonomyIndexRoute('tag');

export const generateMetadata = route.generateMetadata;
export default route.Page;
