import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getMDXComponent } from 'mdx-bundler/client';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { compileMdx } from '@/lib/content/compile';
import { rehypeIsolateLtr } from '@/lib/content/rehype-isolate-ltr';

type Node = { type: string; value?: string; tagName?: string; properties?: Record<string, unknown>; children?: Node[] };

const text = (value: string): Node => ({ type: 'text', value });
const element = (tagName: string, children: Node[], properties: Record<string, unknown> = {}): Node => ({
  type: 'element',
  tagName,
  properties,
  children,
});

describe('rehypeIsolateLtr', () => {
  it('wraps Latin runs of body text in <bdi dir="ltr">', () => {
    const tree = element('root', [element('p', [text('قالت المديرة (UNODC) في 2026.')])]);
    rehypeIsolateLtr()(tree);
    const paragraph = tree.children![0];
    expect(paragraph.children).toEqual([
      text('قالت المديرة ('),
      element('bdi', [text('UNODC')], { dir: 'ltr' }),
      text(') في '),
      element('bdi', [text('2026')], { dir: 'ltr' }),
      text('.'),
    ]);
  });

  it('leaves code and passages the editor marked with lang or dir as written', () => {
    const code = element('code', [text('npm run build')]);
    const quote = element('span', [text('Hello world')], { lang: 'en' });
    const tree = element('root', [element('p', [code, quote])]);
    rehypeIsolateLtr()(tree);
    expect(tree.children![0].children).toEqual([code, quote]);
  });
});

describe('compiled stories', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'isolate-'));
  const body = 'أعلن مكتب (UNODC) عن 3 مراكز.\n';
  writeFileSync(path.join(folder, 'ar.mdx'), `---\ntitle: t\n---\n\n${body}`);
  writeFileSync(path.join(folder, 'en.mdx'), `---\ntitle: t\n---\n\n${body}`);

  async function render(locale: 'ar' | 'en') {
    const { code } = await compileMdx({ file: path.join(folder, `${locale}.mdx`), dir: folder, relativePath: `${locale}.mdx`, locale });
    return renderToStaticMarkup(createElement(getMDXComponent(code)));
  }

  it('isolate Latin names and figures in Arabic, and only in Arabic', async () => {
    expect(await render('ar')).toContain('(<bdi dir="ltr">UNODC</bdi>) عن <bdi dir="ltr">3</bdi> مراكز.');
    expect(await render('en')).not.toContain('<bdi');
  }, 30_000);
});
