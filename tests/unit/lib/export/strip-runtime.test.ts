import { describe, expect, it } from 'vitest';
import { runtimeLeftovers, stripRuntime } from '@/lib/export/strip-runtime';

const exported = [
  '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charSet="utf-8"/>',
  '<link rel="preconnect" href="/" crossorigin=""/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
  '<script src="/_next/static/chunks/c.js" async=""></script>',
  '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
  '<script data-site-script="">document.documentElement.dataset.js=""</script>',
  '</head><body><div hidden=""><!--$--><!--/$--></div><p>نص<!-- --> <!-- -->القصة</p>',
  '<script id="_R_">(globalThis["TURBOPACK"] || []).push({})</script>',
  '<script>self.__next_f.push([1,"payload"])</script></body></html>',
].join('');

describe('stripRuntime', () => {
  const { html, removedScripts } = stripRuntime(exported);

  it('removes framework scripts, preloads and the inline payload', () => {
    expect(removedScripts).toBe(3);
    expect(html).not.toContain('/_next/static/chunks/b.js');
    expect(html).not.toContain('/_next/static/chunks/c.js');
    expect(html).not.toContain('__next_f');
    expect(html).not.toContain('TURBOPACK');
    expect(runtimeLeftovers(html)).toEqual([]);
  });

  it('keeps the stylesheet, JSON-LD, our own scripts and the text', () => {
    expect(html).toContain('href="/_next/static/chunks/a.css"');
    expect(html).toContain('<script type="application/ld+json">');
    expect(html).toContain('<script data-site-script="">');
    expect(html).toContain('<p>نص القصة</p>');
    expect(html).not.toContain('<div hidden="">');
  });

  it('reports what a page still carries', () => {
    expect(runtimeLeftovers(exported)).toEqual([
      'inline RSC payload (self.__next_f)',
      'Turbopack runtime bootstrap',
      'framework script /_next/static/chunks/c.js',
    ]);
  });
});
