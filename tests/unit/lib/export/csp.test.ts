import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, injectCsp, mergeSources, pageSources, sha256Source } from '@/lib/export/csp';

const page = (head: string, body = '<p>نص</p>') =>
  `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charSet="utf-8"/>${head}</head><body>${body}</body></html>`;

const expectedHash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('pageSources', () => {
  it('hashes every inline script a browser executes, exactly as written', () => {
    const theme = "document.documentElement.dataset.theme=localStorage.getItem('theme')??'light'";
    const arabic = "console.log('صدى')";
    const sources = pageSources(
      page(`<script data-site-script="">${theme}</script><script type="module">${arabic}</script>`),
    );
    expect(sources.scriptHashes).toEqual([expectedHash(theme), expectedHash(arabic)].sort());
  });

  it('leaves out JSON-LD and scripts loaded from a file, which CSP does not hash', () => {
    const sources = pageSources(
      page('<script type="application/ld+json">{"@type":"NewsArticle"}</script><script data-site-script="" src="/menu.js" defer=""></script>'),
    );
    expect(sources.scriptHashes).toEqual([]);
  });

  it('hashes inline styles, and style attributes after decoding character references', () => {
    const sources = pageSources(page('<style>p{color:red}</style>', '<p style="--accent:&quot;x&quot;">x</p>'));
    expect(sources.styleHashes).toEqual([expectedHash('p{color:red}')]);
    expect(sources.styleAttributeHashes).toEqual([expectedHash('--accent:"x"')]);
  });

  it('allows WebAssembly only on pages that use the search index', () => {
    expect(pageSources(page('<script data-site-script="" src="/pagefind/pagefind.js"></script>')).wasm).toBe(true);
    expect(pageSources(page('<script data-site-script="" type="module" src="/sada/assets/search.js"></script>')).wasm).toBe(true);
    expect(pageSources(page('<script data-site-script="" src="/scripts/site.js"></script>')).wasm).toBe(false);
    expect(pageSources(page('')).wasm).toBe(false);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows only our own origin and the hashes given', () => {
    const policy = contentSecurityPolicy({ scriptHashes: ["'sha256-abc='"], styleHashes: [], styleAttributeHashes: [], wasm: false });
    expect(policy).toBe(
      "default-src 'self'; script-src 'self' 'sha256-abc='; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'",
    );
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('frame-ancestors');
  });

  it("adds frame-ancestors 'none' for the header, where browsers honour it", () => {
    const sources = mergeSources([]);
    expect(contentSecurityPolicy(sources, { frameAncestors: true })).toMatch(/; frame-ancestors 'none'$/);
  });

  it("uses 'unsafe-hashes' only when style attributes need it", () => {
    const policy = contentSecurityPolicy({ scriptHashes: [], styleHashes: [], styleAttributeHashes: ["'sha256-x='"], wasm: true });
    expect(policy).toContain("style-src 'self' 'unsafe-hashes' 'sha256-x='");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });
});

describe('injectCsp', () => {
  const script = 'document.body.dataset.ready=""';
  const html = page(`<title>t</title><script data-site-script="">${script}</script>`);

  it('puts the policy right after the charset, before anything it governs', () => {
    const result = injectCsp(html).html;
    expect(result).toMatch(/^<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charSet="utf-8"\/><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-/);
    expect(result).toContain(sha256Source(script));
    expect(result.indexOf('Content-Security-Policy')).toBeLessThan(result.indexOf('<script'));
  });

  it('replaces an earlier policy when run twice', () => {
    const twice = injectCsp(injectCsp(html).html).html;
    expect(twice.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(twice).toBe(injectCsp(html).html);
  });

  it('refuses a page without a head', () => {
    expect(() => injectCsp('<p>fragment</p>')).toThrow(/no <head>/);
  });
});
