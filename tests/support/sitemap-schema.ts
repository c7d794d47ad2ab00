import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

const schemaDir = path.resolve('tests/fixtures/schemas');
const file = (name: string) => ({ fileName: name, contents: readFileSync(path.join(schemaDir, name), 'utf8') });

/** Validates a sitemap against the sitemaps.org schema with the XHTML link extension (libxml2). */
export async function validateSitemap(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'sitemap.xml', contents: xml }],
    schema: [file('sitemap-hreflang.xsd')],
    preload: [file('sitemap.xsd'), file('xhtml-link.xsd')],
  });
  return result.errors.map((error) => error.rawMessage);
}
