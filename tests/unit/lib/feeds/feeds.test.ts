import { describe, expect, it } from 'vitest';
import { renderAtom } from '@/lib/feeds/atom';
import type { Feed } from '@/lib/feeds/feed';
import { feedHtml } from '@/lib/feeds/feed-html';
import { renderRss } from '@/lib/feeds/rss';
import { cdata, rssText, stripInvalidXmlChars, xmlText } from '@/lib/feeds/xml';
import { checkAtom, checkRss } from '../../../support/feed-rules';
import { child, childrenNamed, parseXml, textOf } from '../../../support/xml-tree';

const hostile = `Quotes "double" and 'single' </script> & <b>bold</b> ]]> end\u0001`;

function sampleFeed(overrides: Partial<Feed> = {}): Feed {
  const entry = (slug: string, date: string, title = `Story ${slug}`) => ({
    url: `https://news.example/en/news/${slug}/`,
    title,
    summary: `Summary of ${slug} with a < and an &.`,
    html: `<p>Body of ${slug} with <a href="https://news.example/en/">a link</a>.</p>`,
    published: date,
    updated: date,
    author: 'News desk',
    category: { term: 'world', label: 'World', scheme: 'https://news.example/en/sections/' },
    tags: [{ term: 'qatar', label: 'Qatar', scheme: 'https://news.example/en/tags/' }],
    translations: [{ language: 'ar', url: `https://news.example/ar/news/${slug}/` }],
  });
  return {
    locale: 'en',
    language: 'en',
    title: 'Sada: news in English',
    description: 'The latest stories.',
    homeUrl: 'https://news.example/en/',
    rssUrl: 'https://news.example/en/feed.xml',
    atomUrl: 'https://news.example/en/atom.xml',
    iconUrl: 'https://news.example/logo.png',
    publisher: 'Sada',
    updated: '2026-03-02',
    entries: [entry('second', '2026-03-02'), entry('first', '2026-01-05')],
    ...overrides,
  };
}

const now = new Date('2026-12-01T00:00:00Z');

describe('XML text', () => {
  it('escapes markup, drops characters XML forbids and keeps CDATA closed', () => {
    expect(xmlText(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&apos;');
    expect(rssText('AT&T <b>')).toBe('AT&#x26;T &#x3C;b&#x3E;');
    expect(stripInvalidXmlChars('a\u0000b\u0008c\td\ne\uFFFF')).toBe('abc\td\ne');
    expect(cdata('x ]]> y')).toBe('<![CDATA[x ]]]]><![CDATA[> y]]>');
  });
});

describe('story HTML for feeds', () => {
  it('makes links absolute against the story address and keeps ordinary attributes', () => {
    const { html } = feedHtml('<p><a href="/en/tags/qatar/">tag</a> <a href="#part">part</a> <img src="photo.jpg" alt="A photo"/></p>', 'https://news.example/en/news/story/');
    expect(html).toContain('href="https://news.example/en/tags/qatar/"');
    expect(html).toContain('href="https://news.example/en/news/story/#part"');
    expect(html).toContain('src="https://news.example/en/news/story/photo.jpg"');
    expect(html).toContain('alt="A photo"');
  });

  it('drops ARIA and role attributes that feed readers flag, and reports unsupported elements', () => {
    const { html, unsupportedElements } = feedHtml(
      '<div class="table-scroll" role="region" aria-label="Figures" tabindex="0" data-kind="t"><table><tr><td>1</td></tr></table></div><iframe src="https://x.example/"></iframe>',
      'https://news.example/en/news/story/',
    );
    expect(html).toContain('<div class="table-scroll" tabindex="0" data-kind="t">');
    expect(html).not.toMatch(/role=|aria-/);
    expect(unsupportedElements).toEqual(['iframe']);
  });

  it('keeps escaped query strings intact', () => {
    expect(feedHtml('<a href="/search/?a=1&amp;b=2">x</a>', 'https://news.example/').html).toContain('href="https://news.example/search/?a=1&amp;b=2"');
  });
});

describe('RSS 2.0', () => {
  it('passes the feed validator rules, newest first, with RFC 822 dates and permalink GUIDs', () => {
    const xml = renderRss(sampleFeed());
    expect(checkRss(xml, { now })).toEqual([]);
    const channel = child(parseXml(xml), 'channel')!;
    expect(textOf(channel, 'language')).toBe('en');
    expect(childrenNamed(channel, 'atom:link')[0].attrs).toMatchObject({ rel: 'self', href: 'https://news.example/en/feed.xml' });
    const items = childrenNamed(channel, 'item');
    expect(items.map((item) => textOf(item, 'guid'))).toEqual(['https://news.example/en/news/second/', 'https://news.example/en/news/first/']);
    expect(textOf(items[0], 'pubDate')).toBe('Mon, 02 Mar 2026 00:00:00 GMT');
    expect(textOf(items[0], 'description')).toBe('Summary of second with a &lt; and an &amp;.');
    expect(textOf(items[0], 'content:encoded')).toContain('<a href="https://news.example/en/">a link</a>');
  });

  it('carries any title safely: the parsed text is exactly the original', () => {
    const feed = sampleFeed();
    feed.entries[0] = { ...feed.entries[0], title: hostile, html: `<p>${hostile.replace(/[<&>]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!)}</p>` };
    const xml = renderRss(feed);
    const item = childrenNamed(child(parseXml(xml), 'channel')!, 'item')[0];
    expect(textOf(item, 'title')).toBe(hostile.replace('\u0001', '').trim());
    expect(textOf(item, 'content:encoded')).toContain(']]&gt; end');
  });

  it('flags what the validator flags', () => {
    const broken = renderRss(sampleFeed())
      .replace('<guid isPermaLink="true">https://news.example/en/news/first/</guid>', '<guid isPermaLink="true">https://news.example/en/news/second/</guid>')
      .replace('Mon, 02 Mar 2026', 'Tue, 02 Mar 2026')
      .replace('<a href="https://news.example/en/">', '<a href="/en/" style="color:red" onclick="x()">');
    const problems = checkRss(broken, { now }).join('\n');
    expect(problems).toMatch(/duplicate guid/);
    expect(problems).toMatch(/wrong day of the week/);
    expect(problems).toMatch(/relative URL "\/en\/"/);
    expect(problems).toMatch(/style attribute/);
    expect(problems).toMatch(/script attribute onclick/);
  });
});

describe('Atom', () => {
  it('passes the feed validator rules, with RFC 3339 dates, stable ids and links to translations', () => {
    const xml = renderAtom(sampleFeed());
    expect(checkAtom(xml, { now })).toEqual([]);
    const feed = parseXml(xml);
    expect(feed.attrs['xml:lang']).toBe('en');
    expect(textOf(feed, 'updated')).toBe('2026-03-02T00:00:00Z');
    const entry = childrenNamed(feed, 'entry')[0];
    expect(textOf(entry, 'id')).toBe('https://news.example/en/news/second/');
    expect(childrenNamed(entry, 'link').map((link) => link.attrs.hreflang)).toEqual(['en', 'ar']);
    expect(textOf(entry, 'content')).toContain('<p>Body of second');
  });

  it('is valid with no entries at all', () => {
    expect(checkAtom(renderAtom(sampleFeed({ entries: [], updated: undefined })), { now: new Date('2100-01-01') })).toEqual([]);
    expect(checkRss(renderRss(sampleFeed({ entries: [], updated: undefined })), { now })).toEqual([]);
  });

  it('flags duplicate alternate links and future dates', () => {
    const broken = renderAtom(sampleFeed()).replace('hreflang="ar"', 'hreflang="en"');
    expect(checkAtom(broken, { now }).join('\n')).toMatch(/DuplicateAtomLink/);
    expect(checkAtom(renderAtom(sampleFeed()), { now: new Date('2026-02-01') }).join('\n')).toMatch(/implausible date/);
  });
});
