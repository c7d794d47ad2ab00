import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { storyPageMetadata } from '@/components/article/StoryPage';
import { readContent } from '@/lib/content/load';
import { listingPageMetadata } from '@/components/listing/ListingPage';
import { assemblePage, escapeLikeReact, frameFrom, listingPagesRenderedByNext, metadataTags, storiesRenderedByNext, storyPagesMode } from '@/lib/export/story-pages';
import { getListing, listingPageRefs } from '@/lib/listing/listings';
import { editionMetadata } from '@/lib/metadata';

const HOSTILE = `Quotes "double" and 'single', </script><script>alert("x")</script> & <b>bold</b> ]]> end`;

const stories = readContent(path.join(process.cwd(), 'tests/fixtures/content/site'), process.cwd()).stories;

describe('which story pages Next renders', () => {
  const environment = { ...process.env };
  afterEach(() => {
    process.env = { ...environment };
  });

  it('in a build, the first story of each language by address; with STORY_PAGES=next, all of them', () => {
    expect(storiesRenderedByNext('ar', stories, 'witness')).toEqual(['archived-story']);
    expect(storiesRenderedByNext('en', stories, 'witness')).toEqual(['kit-showcase']);
    expect(storiesRenderedByNext('ar', stories, 'next').sort()).toEqual(
      stories.filter((story) => story.versions.ar).map((story) => story.slug).sort(),
    );
  });

  it('every story while editing, and a clear error for an unknown mode', () => {
    process.env.STORY_PAGES = 'all';
    expect(() => storyPagesMode()).toThrow(/STORY_PAGES is "all": it takes "next".*or "witness"/);
    Object.assign(process.env, { NODE_ENV: 'development' });
    expect(storyPagesMode()).toBe('next');
  });
});

describe('which listing pages Next renders', () => {
  it('in a build, the first page of the first listing of each kind; with STORY_PAGES=next, every page', () => {
    for (const kind of ['section', 'tag'] as const) {
      const all = listingPageRefs(kind, 'ar');
      expect(listingPagesRenderedByNext(kind, 'ar', 'witness')).toEqual([all[0]]);
      expect(all[0]).toMatchObject({ page: 1 });
      expect(listingPagesRenderedByNext(kind, 'ar', 'next')).toEqual(all);
    }
  });

  it('mark a listing without stories as not to be indexed, in the metadata both renderers write', () => {
    const refs = listingPageRefs('section', 'en');
    const empty = refs.filter((ref) => getListing('section', 'en', ref.id).stories.length === 0);
    const full = refs.filter((ref) => getListing('section', 'en', ref.id).stories.length > 0);
    expect(empty.length).toBeGreaterThan(0);
    expect(full.length).toBeGreaterThan(0);
    for (const ref of empty) expect(listingPageMetadata(ref).robots).toEqual({ index: false, follow: true });
    for (const ref of full) expect(listingPageMetadata(ref).robots).toBeUndefined();
  });
});

describe('metadata tags', () => {
  it('escape text exactly as React does in Next pages', () => {
    const react = renderToStaticMarkup(createElement('meta', { name: 'x', content: HOSTILE }));
    expect(`<meta name="x" content="${escapeLikeReact(HOSTILE)}"/>`).toBe(react);
    expect(renderToStaticMarkup(createElement('p', null, HOSTILE))).toBe(`<p>${escapeLikeReact(HOSTILE)}</p>`);
  });

  it('write a story page head in Next’s order, hreflang and feeds included', () => {
    const story = stories.find((candidate) => candidate.slug === 'kit-showcase')!;
    const tags = metadataTags(storyPageMetadata(story, story.versions.en!), editionMetadata('en'));
    const names = [...tags.matchAll(/<(title|meta|link)\b([^>]*)/g)].map(([, element, attributes]) =>
      element === 'title' ? 'title' : (/(?:name|property|rel)="([^"]+)"/.exec(attributes)?.[1] ?? element),
    );
    expect(names).toEqual([
      'title',
      'description',
      'application-name',
      'canonical',
      'alternate',
      'alternate',
      'alternate',
      'alternate',
      'alternate',
      'og:title',
      'og:description',
      'og:url',
      'og:site_name',
      'og:locale',
      'og:image',
      'og:image:type',
      'og:image:width',
      'og:image:height',
      'og:image:alt',
      'og:locale:alternate',
      'og:type',
      'article:published_time',
      'article:modified_time',
      'article:author',
      'article:section',
      ...story.versions.en!.frontmatter.tags.map(() => 'article:tag'),
      'twitter:card',
      'twitter:title',
      'twitter:description',
      'twitter:image',
      'twitter:image:alt',
      'twitter:image:width',
      'twitter:image:height',
    ]);
    expect(tags).toContain(`<title>${escapeLikeReact(story.versions.en!.frontmatter.title)} | Sada</title>`);
    expect(tags).toContain('hrefLang="x-default"');
  });

  it('write a listing without stories as Next does: not to be indexed, its links followed', () => {
    const robots = (robotsValue: Parameters<typeof metadataTags>[0]['robots']) =>
      metadataTags({ title: 'x', robots: robotsValue }, editionMetadata('en')).match(/<meta name="robots"[^>]*>/)?.[0];
    expect(robots({ index: false, follow: true })).toBe('<meta name="robots" content="noindex, follow"/>');
    expect(robots({ index: true, follow: false })).toBe('<meta name="robots" content="index, nofollow"/>');
    expect(robots(undefined)).toBeUndefined();
    expect(() => robots({ index: false, googleBot: { index: false } })).toThrow(/robots metadata the page renderer does not write/);
    // Right after application-name and before the canonical link, where Next puts it.
    const tags = metadataTags({ title: 'x', robots: { index: false, follow: true }, alternates: { canonical: 'https://example.org/en/' } }, editionMetadata('en'));
    expect(tags.indexOf('name="application-name"')).toBeLessThan(tags.indexOf('name="robots"'));
    expect(tags.indexOf('name="robots"')).toBeLessThan(tags.indexOf('rel="canonical"'));
  });

  it('refuse a metadata field they do not know how to write, instead of leaving it out', () => {
    expect(() => metadataTags({ title: 'x', keywords: ['a'] }, editionMetadata('en'))).toThrow(/keywords/);
  });
});

describe('the frame cut from Next’s page', () => {
  const metadata = '<title>T | Sada</title><meta name="description" content="D"/>';
  const content = '<header>masthead</header><main>story</main>';
  const next = `<!DOCTYPE html><html><head><meta charSet="utf-8"/>${metadata}<link rel="icon" href="/i.svg"/></head><body><div hidden=""></div>${content}<script>payload</script></body></html>`;

  it('puts another story’s metadata and content where the witness’s were', () => {
    const frame = frameFrom(next, metadata, content, 'page.html');
    expect(assemblePage(frame, metadata, content)).toBe(next);
    expect(assemblePage(frame, '<title>U | Sada</title>', '<main>other</main>')).toBe(
      next.replace(metadata, '<title>U | Sada</title>').replace(content, '<main>other</main>'),
    );
  });

  it('stops when Next wrote a metadata tag the story renderer does not, instead of copying it to every page', () => {
    const extra = next.replace('<link rel="icon"', '<meta property="og:video" content="/clip.mp4"/><link rel="icon"');
    expect(() => frameFrom(extra, metadata, content, 'page.html')).toThrow(
      'page.html: Next wrote page metadata the story renderer does not: <meta property="og:video" content="/clip.mp4"/>',
    );
  });

  it('stops with the place where the two renderings differ', () => {
    expect(() => frameFrom(next, metadata.replace('D', 'E'), content, 'out/en/news/x/index.html')).toThrow(
      /out\/en\/news\/x\/index\.html: the metadata tags rendered after the export differ from Next's:\n {2}at character 57/,
    );
    expect(() => frameFrom(next, metadata, content.replace('story', 'stories'), 'page.html')).toThrow(/page content .* differs from Next's/);
  });
});
