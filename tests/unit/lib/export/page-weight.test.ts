import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileForUrl, gzipSize, pageWeight } from '@/lib/export/page-weight';

function exportTree(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'weight-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const css = 'body{color:red}'.repeat(50);
const js = 'console.log("hello");'.repeat(20);
const page = [
  '<!doctype html><html><head>',
  '<link rel="stylesheet" href="/repo/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" href="/repo/fonts/naskh-1.woff2" as="font" type="font/woff2" crossorigin=""/>',
  '<script data-site-script="">document.documentElement.classList.add("js")</script>',
  '<script data-site-script="" src="/repo/scripts/site.js?v=123" defer=""></script>',
  '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
  '</head><body><img src="/a.png" width="10" height="10" alt=""/><img src="/b.png" alt=""/></body></html>',
].join('');

describe('pageWeight', () => {
  const out = exportTree({
    'ar/news/story/index.html': page,
    '_next/static/chunks/a.css': css,
    'scripts/site.js': js,
    'fonts/naskh-1.woff2': 'wOF2',
  });
  const weight = pageWeight(out, '/ar/news/story/', '/repo');

  it('counts the stylesheets and scripts a page loads, in gzip bytes, leaving JSON-LD out', () => {
    expect(weight.stylesheets.map((sheet) => sheet.url)).toEqual(['/repo/_next/static/chunks/a.css']);
    expect(weight.totals.cssGzip).toBe(gzipSize(css));
    expect(weight.scripts.map((script) => script.url)).toEqual(['/repo/scripts/site.js?v=123']);
    expect(weight.inlineScripts).toHaveLength(1);
    expect(weight.totals.jsGzip).toBe(gzipSize(js) + gzipSize('document.documentElement.classList.add("js")'));
    expect(weight.html.gzip).toBe(gzipSize(page));
  });

  it('lists images with whether they carry their size, and preloaded fonts', () => {
    expect(weight.images).toEqual([
      { src: '/a.png', sized: true },
      { src: '/b.png', sized: false },
    ]);
    expect(weight.preloadedFonts.map((font) => font.url)).toEqual(['/repo/fonts/naskh-1.woff2']);
  });

  it('resolves only same-site addresses to files', () => {
    expect(fileForUrl(out, 'https://example.org/a.css')).toBeNull();
    expect(fileForUrl(out, '//cdn.example.org/a.css')).toBeNull();
    expect(fileForUrl(out, '/scripts/site.js?v=1')).toBe(path.join(out, 'scripts/site.js'));
  });
});
