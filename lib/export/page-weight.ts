import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What an exported page costs a reader before it can be read: its HTML, the stylesheets and
 * scripts it loads, and the images it shows, in gzip bytes as a static host sends them.
 * Used by the budget test (tests/e2e/budgets.spec.ts) and by `npm run audit`.
 */

export type Asset = { url: string; file: string | null; bytes: number; gzip: number };
export type InlineScript = { bytes: number; gzip: number };

export type PageWeight = {
  page: string;
  html: { bytes: number; gzip: number };
  stylesheets: Asset[];
  inlineStyles: InlineScript[];
  scripts: Asset[];
  inlineScripts: InlineScript[];
  /** Images as written in the HTML, with whether they carry both width and height. */
  images: { src: string; sized: boolean }[];
  /** Fonts the page asks the browser to fetch early (`<link rel="preload" as="font">`). */
  preloadedFonts: Asset[];
  totals: { cssGzip: number; jsGzip: number };
};

export function gzipSize(data: string | Buffer): number {
  return gzipSync(data, { level: 9 }).length;
}

function attribute(tag: string, name: string): string | null {
  const match = tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : null;
}

/** The file in `outDir` that a same-site URL refers to, or null for other origins. */
export function fileForUrl(outDir: string, url: string, basePath = ''): string | null {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return null;
  let pathname = url.split(/[?#]/)[0];
  if (basePath && pathname.startsWith(`${basePath}/`)) pathname = pathname.slice(basePath.length);
  const file = path.join(outDir, decodeURIComponent(pathname));
  return existsSync(file) ? file : null;
}

function asset(outDir: string, url: string, basePath: string): Asset {
  const file = fileForUrl(outDir, url, basePath);
  if (!file) return { url, file: null, bytes: 0, gzip: 0 };
  const data = readFileSync(file);
  return { url, file, bytes: data.length, gzip: gzipSize(data) };
}

/** The page at site path `page` (`/ar/news/slug/`), read from `outDir`. */
export function pageWeight(outDir: string, page: string, basePath = ''): PageWeight {
  const file = page.endsWith('.html') ? path.join(outDir, page) : path.join(outDir, page, 'index.html');
  const html = readFileSync(file, 'utf8');

  const stylesheets: Asset[] = [];
  const preloadedFonts: Asset[] = [];
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const target = attribute(tag, 'href');
    if (!target) continue;
    if (rel.includes('stylesheet')) stylesheets.push(asset(outDir, target, basePath));
    if (rel.includes('preload') && attribute(tag, 'as') === 'font') preloadedFonts.push(asset(outDir, target, basePath));
  }

  const scripts: Asset[] = [];
  const inlineScripts: InlineScript[] = [];
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const type = attribute(`<script ${attributes}>`, 'type');
    if (type && type !== 'text/javascript' && type !== 'module') continue; // data such as JSON-LD
    const source = attribute(`<script ${attributes}>`, 'src');
    if (source) scripts.push(asset(outDir, source, basePath));
    else if (body.trim()) inlineScripts.push({ bytes: Buffer.byteLength(body), gzip: gzipSize(body) });
  }

  const inlineStyles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map(([, body]) => ({
    bytes: Buffer.byteLength(body),
    gzip: gzipSize(body),
  }));

  const images = [...html.matchAll(/<img\b[^>]*>/gi)].map(([tag]) => ({
    src: attribute(tag, 'src') ?? '',
    sized: attribute(tag, 'width') !== null && attribute(tag, 'height') !== null,
  }));

  const sum = (items: { gzip: number }[]) => items.reduce((total, item) => total + item.gzip, 0);
  return {
    page,
    html: { bytes: Buffer.byteLength(html), gzip: gzipSize(html) },
    stylesheets,
    inlineStyles,
    scripts,
    inlineScripts,
    images,
    preloadedFonts,
    totals: { cssGzip: sum(stylesheets) + sum(inlineStyles), jsGzip: sum(scripts) + sum(inlineScripts) },
  };
}

export function formatKilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
