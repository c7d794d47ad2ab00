import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { siteUrl } from '@/lib/config';
import { FIXTURE_BASE_PATH } from '../fixtures/fixture-site';
import { exportedPages } from './site';

/**
 * The exported sites as files, for checks that read what crawlers, feed readers and link
 * previews read (the head, structured data, feeds, the sitemap) rather than what a browser
 * shows. Both exports use the default SITE_URL; the fixture site lives under its base path.
 */
export type ExportedSite = { name: string; dir: string; basePath: string; origin: string };

export const REAL_SITE: ExportedSite = { name: 'site', dir: path.resolve('out'), basePath: '', origin: siteUrl };
export const FIXTURE_SITE: ExportedSite = { name: 'fixture site', dir: path.resolve('out-listings'), basePath: FIXTURE_BASE_PATH, origin: siteUrl };
export const SITES = [REAL_SITE, FIXTURE_SITE];

export function requireExport(site: ExportedSite): void {
  if (!existsSync(path.join(site.dir, 'index.html'))) {
    throw new Error(`${site.dir} is missing: run \`npm run build\` and \`npm run build:fixture\` before the browser tests`);
  }
}

/** Site paths of every HTML page of an export (`/ar/`, `/en/news/x/`). */
export function pagesOf(site: ExportedSite): string[] {
  requireExport(site);
  return exportedPages(site.dir);
}

/** The absolute URL of a site path of an export, as its canonical links write it. */
export const absolute = (site: ExportedSite, sitePath: string) => `${site.origin}${site.basePath}${sitePath}`;

/** The site path an absolute URL of an export points to, or null for another site. */
export function sitePathOf(site: ExportedSite, url: string): string | null {
  const prefix = `${site.origin}${site.basePath}`;
  return url.startsWith(`${prefix}/`) ? url.slice(prefix.length) : null;
}

/** The file a site path is served from. */
export function fileOf(site: ExportedSite, sitePath: string): string {
  return path.join(site.dir, sitePath.endsWith('/') ? `${sitePath}index.html` : sitePath);
}

export type Document = {
  sitePath: string;
  lang: string;
  title: string;
  links: Record<string, string>[];
  metas: Record<string, string>[];
  jsonLd: unknown[];
  jsonLdSource: string[];
};

export function readDocument(site: ExportedSite, sitePath: string): Document {
  const html = readFileSync(fileOf(site, sitePath), 'utf8');
  const document: Document = { sitePath, lang: '', title: '', links: [], metas: [], jsonLd: [], jsonLdSource: [] };
  let inTitle = false;
  let inJsonLd = false;
  let script = '';
  let inHead = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'html') document.lang = attributes.lang ?? '';
        if (name === 'head') inHead = true;
        if (name === 'title' && inHead) inTitle = true;
        if (name === 'link' && inHead) document.links.push(lowerKeys(attributes));
        if (name === 'meta' && inHead) document.metas.push(lowerKeys(attributes));
        if (name === 'script' && attributes.type === 'application/ld+json') {
          inJsonLd = true;
          script = '';
        }
      },
      ontext(text) {
        if (inTitle) document.title += text;
        if (inJsonLd) script += text;
      },
      onclosetag(name) {
        if (name === 'head') inHead = false;
        if (name === 'title') inTitle = false;
        if (name === 'script' && inJsonLd) {
          inJsonLd = false;
          document.jsonLdSource.push(script);
          document.jsonLd.push(JSON.parse(script));
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return document;
}

function lowerKeys(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).map(([key, value]) => [key.toLowerCase(), value]));
}

export const meta = (document: Document, key: string) =>
  document.metas.filter((entry) => entry.property === key || entry.name === key).map((entry) => entry.content);

export const canonicalOf = (document: Document) => document.links.find((link) => link.rel === 'canonical')?.href;

export function hreflangsOf(document: Document): Record<string, string> {
  return Object.fromEntries(
    document.links.filter((link) => link.rel === 'alternate' && link.hreflang).map((link) => [link.hreflang, link.href]),
  );
}

export function isNoindex(document: Document): boolean {
  return meta(document, 'robots').some((content) => /noindex/.test(content));
}

/** Every JSON-LD object of a page, `@graph` and arrays flattened. */
export function jsonLdObjects(document: Document): Record<string, unknown>[] {
  return document.jsonLd.flatMap((entry) => (Array.isArray(entry) ? entry : [entry])) as Record<string, unknown>[];
}
