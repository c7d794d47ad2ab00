import { serializeJsonLd, type JsonLd as JsonLdData } from '@/lib/seo/json-ld';

/**
 * A JSON-LD block. The post-export step keeps `application/ld+json` scripts; the content is
 * serialised so that no text from a story can close the element.
 */
export function JsonLd({ data }: { data: JsonLdData | JsonLdData[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
