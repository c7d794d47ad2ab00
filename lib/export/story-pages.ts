import type { Metadata } from 'next';
import type { Locale } from '@/i18n/locales';
import { loadStories, type Story } from '@/lib/content/load';
import { listingPageRefs, type ListingKind, type ListingPageRef } from '@/lib/listing/listings';
import type { editionMetadata } from '@/lib/metadata';

/**
 * Story pages are most of a site (2,000 of 2,572 pages at 1,000 bilingual stories), listing
 * pages (sections, tags and their later pages) most of the rest, and Next spends about 30 ms of
 * CPU on each beyond our own components: the RSC payload, the HTML, the per-segment prefetch
 * files the post-export step then deletes. So in a build Next renders one page of each kind per
 * language (one story page, the first page of the first section and of the first tag), and
 * after the export the same components render the other pages straight to HTML
 * (lib/export/render-stories.tsx), into the frame Next gave that kind of page:
 *
 *   Next's page = frame.before + metadata tags + frame.between + content + frame.after
 *
 * The frame holds everything that is the same on every page of a kind and language (the
 * document head's stylesheet, fonts and scripts, the wrapper around the content). It is cut
 * from Next's page only after that page's own metadata and content, rendered here, have been
 * found in it byte for byte; otherwise the build stops. With STORY_PAGES=next Next renders
 * every story and listing page and each one is compared with what this renderer produces (the
 * editors' fixture site is built that way by the tests).
 */

export type StoryPagesMode = 'witness' | 'next';

export function storyPagesMode(): StoryPagesMode {
  // `next dev` renders on request: every story must be a known page.
  if (process.env.NODE_ENV === 'development') return 'next';
  const mode = process.env.STORY_PAGES ?? 'witness';
  if (mode !== 'witness' && mode !== 'next') {
    throw new Error(`STORY_PAGES is "${mode}": it takes "next" (Next renders every story and listing page) or "witness" (the default)`);
  }
  return mode;
}

/** The slugs of the stories whose page in `locale` Next renders: every one, or the first by slug. */
export function storiesRenderedByNext(locale: Locale, stories: readonly Story[] = loadStories(), mode = storyPagesMode()): string[] {
  const slugs = stories.filter((story) => story.versions[locale]).map((story) => story.slug);
  return mode === 'next' ? slugs : slugs.sort().slice(0, 1);
}

/**
 * The listing pages (sections, tags, and their later pages) of `kind` in `locale` that Next
 * renders: every one, or the first page of the first listing by address. Listing pages are
 * rendered after the export like story pages (at 1,000 stories they are 572 of Next's 582
 * pages), from the same components, into the frame of the page Next rendered.
 */
export function listingPagesRenderedByNext(kind: ListingKind, locale: Locale, mode = storyPagesMode()): ListingPageRef[] {
  const refs = listingPageRefs(kind, locale);
  return mode === 'next' ? refs : refs.slice(0, 1);
}

/* ------------------------------------------------------------ metadata tags */

/** React's escaping of text and attribute values (escapeTextForBrowser), which Next's pages use. */
export function escapeLikeReact(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

type Attributes = [string, string | number | undefined][];

function tag(name: 'meta' | 'link', attributes: Attributes): string {
  const written = attributes
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => ` ${key}="${escapeLikeReact(String(value))}"`)
    .join('');
  return `<${name}${written}/>`;
}

/** A URL as Next writes it: parsed and serialised again. */
const url = (value: string | URL) => new URL(String(value)).toString();

type Image = { url: string | URL; type?: string; width?: number | string; height?: number | string; alt?: string };

const HANDLED = new Set(['metadataBase', 'title', 'description', 'robots', 'alternates', 'openGraph', 'twitter']);

/**
 * The head tags Next writes for a story or listing page's metadata (merged with its edition's),
 * in Next's order and format (next/dist/lib/metadata/metadata-elements.js), for the fields
 * those pages use. Any other field is refused rather than silently left out.
 */
export function metadataTags(page: Metadata, edition: ReturnType<typeof editionMetadata>): string {
  const unknown = Object.keys(page).filter((key) => !HANDLED.has(key));
  if (unknown.length > 0) throw new Error(`story-page metadata field(s) the story renderer does not write: ${unknown.join(', ')}`);
  if (typeof page.title !== 'string') throw new Error('a page title must be a plain string');
  const out: string[] = [`<title>${escapeLikeReact(edition.title.template.replace('%s', page.title))}</title>`];
  out.push(tag('meta', [['name', 'description'], ['content', page.description ?? undefined]]));
  out.push(tag('meta', [['name', 'application-name'], ['content', edition.applicationName]]));
  if (page.robots !== undefined) out.push(tag('meta', [['name', 'robots'], ['content', robotsContent(page.robots)]]));

  const alternates = page.alternates ?? {};
  if (alternates.canonical) out.push(tag('link', [['rel', 'canonical'], ['href', url(alternates.canonical as string)]]));
  for (const [language, href] of Object.entries(alternates.languages ?? {})) {
    out.push(tag('link', [['rel', 'alternate'], ['hrefLang', language], ['href', url(href as string)]]));
  }
  for (const [type, descriptors] of Object.entries(alternates.types ?? {})) {
    for (const descriptor of descriptors as { url: string; title?: string }[]) {
      out.push(tag('link', [['rel', 'alternate'], ['type', type], ['href', url(descriptor.url)], ['title', descriptor.title]]));
    }
  }

  // Open Graph tags are keyed by property, Twitter's by name; like Next, an empty value writes no tag.
  const meta = (key: 'property' | 'name', name: string, content: string | number | undefined) => {
    if (content !== undefined && content !== '') out.push(tag('meta', [[key, name], ['content', content]]));
  };
  const property = (name: string, content: string | number | undefined) => meta('property', name, content);
  const named = (name: string, content: string | number | undefined) => meta('name', name, content);

  const og = (page.openGraph ?? {}) as {
    title?: string;
    description?: string;
    url?: string;
    siteName?: string;
    locale?: string;
    images?: Image[];
    alternateLocale?: string[];
    type?: string;
    publishedTime?: string;
    modifiedTime?: string;
    authors?: string[];
    section?: string;
    tags?: string[];
  };
  property('og:title', og.title);
  property('og:description', og.description);
  property('og:url', og.url && url(og.url));
  property('og:site_name', og.siteName);
  property('og:locale', og.locale);
  for (const image of og.images ?? []) {
    property('og:image', url(image.url));
    property('og:image:type', image.type);
    property('og:image:width', image.width);
    property('og:image:height', image.height);
    property('og:image:alt', image.alt);
  }
  for (const alternate of og.alternateLocale ?? []) property('og:locale:alternate', alternate);
  property('og:type', og.type);
  if (og.type === 'article') {
    property('article:published_time', og.publishedTime);
    property('article:modified_time', og.modifiedTime);
    for (const author of og.authors ?? []) property('article:author', author);
    property('article:section', og.section);
    for (const tagName of og.tags ?? []) property('article:tag', tagName);
  }

  const twitter = (page.twitter ?? {}) as { card?: string; title?: string; description?: string; images?: Image[] };
  named('twitter:card', twitter.card);
  named('twitter:title', twitter.title);
  named('twitter:description', twitter.description);
  for (const image of twitter.images ?? []) {
    named('twitter:image', url(image.url));
    named('twitter:image:alt', image.alt);
    named('twitter:image:type', image.type);
    named('twitter:image:width', image.width);
    named('twitter:image:height', image.height);
  }
  return out.join('');
}

/** Next's `robots` content for the two directives the site sets (resolveRobotsValue). */
function robotsContent(robots: Metadata['robots']): string {
  if (robots === null || typeof robots !== 'object' || Object.keys(robots).some((key) => key !== 'index' && key !== 'follow')) {
    throw new Error(`robots metadata the page renderer does not write: ${JSON.stringify(robots)}`);
  }
  const values: string[] = [];
  if (robots.index !== undefined) values.push(robots.index ? 'index' : 'noindex');
  if (robots.follow !== undefined) values.push(robots.follow ? 'follow' : 'nofollow');
  return values.join(', ');
}

/* ------------------------------------------------------------------ frame */

export type Frame = { before: string; between: string; after: string };

/**
 * Cuts the frame out of a page Next rendered, given that page's own metadata tags and
 * content as this renderer produces them. Both must appear in it exactly, the metadata right
 * at `<title>`: anything else means the two renderers disagree, and the build must stop.
 */
export function frameFrom(html: string, metadata: string, content: string, file: string): Frame {
  const titleAt = html.indexOf('<title>');
  if (titleAt === -1) throw new Error(`${file}: Next's page has no <title>`);
  if (!html.startsWith(metadata, titleAt)) {
    throw new Error(`${file}: the metadata tags rendered after the export differ from Next's:\n${firstDifference(html.slice(titleAt), metadata)}`);
  }
  const metadataEnd = titleAt + metadata.length;
  const bodyAt = html.indexOf('<body', metadataEnd);
  const contentAt = html.indexOf(content, bodyAt);
  if (bodyAt === -1 || contentAt === -1) {
    const start = html.indexOf('<header', bodyAt);
    throw new Error(`${file}: the page content rendered after the export differs from Next's:\n${firstDifference(html.slice(start), content)}`);
  }
  if (html.indexOf(content, contentAt + 1) !== -1) throw new Error(`${file}: the page content appears twice in Next's page`);
  const frame = { before: html.slice(0, titleAt), between: html.slice(metadataEnd, contentAt), after: html.slice(contentAt + content.length) };
  // A metadata tag Next writes and metadataTags does not would land in the frame, and from there
  // in every page of its kind with the witness's values.
  const stray = `${frame.before}${frame.between}`.match(PAGE_METADATA);
  if (stray) throw new Error(`${file}: Next wrote page metadata the story renderer does not: ${stray[0]}`);
  return frame;
}

/** Tags that carry a page's own metadata: they may appear only in the part metadataTags writes. */
const PAGE_METADATA = /<(?:title\b|meta (?:name="(?:description|twitter:[^"]*|author|keywords|robots)"|property="(?:og|article):[^"]*")|link rel="(?:canonical|alternate)")[^>]*>/;

export function assemblePage(frame: Frame, metadata: string, content: string): string {
  return frame.before + metadata + frame.between + content + frame.after;
}

/** Where two renderings part, with some context of each: what a failed check prints. */
export function firstDifference(expected: string, actual: string): string {
  let at = 0;
  while (at < expected.length && at < actual.length && expected[at] === actual[at]) at += 1;
  const from = Math.max(0, at - 80);
  return `  at character ${at}\n  Next:   …${expected.slice(from, at + 120)}\n  here:   …${actual.slice(from, at + 120)}`;
}
