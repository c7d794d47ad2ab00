import { describe, expect, it } from 'vitest';
import { mergeSources } from '@/lib/export/csp';
import { formatHeadersFile, headerRules, HTML_CACHE, IMMUTABLE_CACHE } from '@/lib/export/headers';
import { matchesPattern, parseHeadersFile } from '@/lib/export/static-server';

const entries = [
  { name: 'ar', directory: true },
  { name: 'en', directory: true },
  { name: '_next', directory: true },
  { name: 'fonts', directory: true },
  { name: 'index.html', directory: false },
  { name: '404.html', directory: false },
  { name: 'sitemap.xml', directory: false },
];
const sources = mergeSources([{ scriptHashes: ["'sha256-a='"], styleHashes: [], styleAttributeHashes: [], wasm: false }]);
const text = formatHeadersFile(headerRules(sources, entries));
const rules = parseHeadersFile(text);

/** The headers a host applying `_headers` sends for one path (later rules win, as on Netlify). */
function headersFor(pathname: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const rule of rules) {
    if (!matchesPattern(rule.pattern, pathname)) continue;
    for (const [name, value] of rule.headers) (result[name] ??= []).push(value);
  }
  return result;
}

describe('the _headers file', () => {
  it('sends the security headers with every response', () => {
    for (const pathname of ['/', '/ar/news/story/', '/_next/static/chunks/a.css', '/sitemap.xml']) {
      const headers = headersFor(pathname);
      expect(headers['Strict-Transport-Security'], pathname).toEqual(['max-age=63072000; includeSubDomains']);
      expect(headers['X-Content-Type-Options'], pathname).toEqual(['nosniff']);
      expect(headers['Referrer-Policy'], pathname).toEqual(['strict-origin-when-cross-origin']);
      expect(headers['Permissions-Policy']?.[0], pathname).toContain('camera=()');
      expect(headers['Content-Security-Policy']?.[0], pathname).toContain("frame-ancestors 'none'");
    }
  });

  it("carries every page's inline-script hashes in the site-wide policy", () => {
    expect(headersFor('/ar/')['Content-Security-Policy'][0]).toContain("script-src 'self' 'sha256-a='");
  });

  it('gives each path exactly one caching rule: a year for hashed assets, a minute for the rest', () => {
    // Cloudflare joins the values of overlapping rules with a comma, so they must never overlap.
    expect(headersFor('/_next/static/media/font.woff2')['Cache-Control']).toEqual([IMMUTABLE_CACHE]);
    expect(headersFor('/fonts/naskh-60607077b6.woff2')['Cache-Control']).toEqual([IMMUTABLE_CACHE]);
    for (const pathname of ['/', '/index.html', '/404.html', '/ar/', '/en/news/story/', '/sitemap.xml']) {
      expect(headersFor(pathname)['Cache-Control'], pathname).toEqual([HTML_CACHE]);
    }
  });

  it('is written in the same order whatever order the folder listing had', () => {
    expect(formatHeadersFile(headerRules(sources, [...entries].reverse()))).toBe(text);
  });
});
