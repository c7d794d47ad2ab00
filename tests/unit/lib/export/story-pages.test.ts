import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { storyPageMetadata } from '@/components/article/StoryPage';
import { readContent } from '@/lib/content/load';
import { assemblePage, escapeLikeReact, frameFrom, metadataTags, storiesRenderedByNext, storyPagesMode } from '@/lib/export/story-pages';
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
