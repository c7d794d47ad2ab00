import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getMDXComponent } from 'mdx-bundler/client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { isExternalHref } from '@/lib/content/rehype-external-links';

process.env.MDX_CACHE_DIR = mkdtempSync(path.join(tmpdir(), 'mdx-cache-'));

async function render(body: string): Promise<string> {
  const { compileMdx } = await import('@/lib/content/compile');
  const dir = mkdtempSync(path.join(tmpdir(), 'story-'));
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'en.mdx');
  writeFileSync(file, `---\ntitle: t\n---\n\n${body}\n`);
  const { code } = await compileMdx({ file, dir, locale: 'en', relativePath: 'content/articles/story/en.mdx' });
  return renderToStaticMarkup(createElement(getMDXComponent(code)));
}

describe('external links in stories', () => {
  it('get rel="noopener noreferrer" whether written in Markdown or as a tag', async () => {
    const html = await render(
      '[UNODC](https://www.unodc.org/) and <a href="http://example.org/report" rel="nofollow">the report</a> and [archive](//example.net/).',
    );
    expect(html).toContain('<a href="https://www.unodc.org/" rel="noopener noreferrer">UNODC</a>');
    expect(html).toContain('<a href="http://example.org/report" rel="nofollow noopener noreferrer">the report</a>');
    expect(html).toContain('<a href="//example.net/" rel="noopener noreferrer">archive</a>');
  });

  it('leave links within the site alone', async () => {
    const html = await render('[the English version](/en/news/story/) and [notes](#notes)');
    expect(html).toContain('<a href="/en/news/story/">the English version</a>');
    expect(html).toContain('<a href="#notes">notes</a>');
  });

  it('are recognised by address', () => {
    expect(isExternalHref('https://example.org')).toBe(true);
    expect(isExternalHref('//cdn.example.org/x')).toBe(true);
    expect(isExternalHref('/ar/')).toBe(false);
    expect(isExternalHref('mailto:desk@example.org')).toBe(false);
    expect(isExternalHref(undefined)).toBe(false);
  });
});
