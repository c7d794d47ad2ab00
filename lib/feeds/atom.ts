import { publishDate } from '../content/load';
import { isoDateTime } from '../format/timestamps';
import type { Feed } from './feed';
import { xmlText } from './xml';

/**
 * Atom (RFC 4287): `xml:lang`, a self link, RFC 3339 dates, the story URL as each entry's
 * permanent id, the summary and the full story HTML, and links to the translations.
 */
export function renderAtom(feed: Feed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">`,
    `<title type="text">${xmlText(feed.title)}</title>`,
    `<subtitle type="text">${xmlText(feed.description)}</subtitle>`,
    `<id>${xmlText(feed.atomUrl)}</id>`,
    `<link rel="self" type="application/atom+xml" href="${xmlText(feed.atomUrl)}"/>`,
    `<link rel="alternate" type="text/html" hreflang="${xmlText(feed.language)}" href="${xmlText(feed.homeUrl)}"/>`,
    // An empty feed still needs <updated>: it takes the publication day of the build.
    `<updated>${isoDateTime(feed.updated ?? publishDate())}</updated>`,
    `<author><name>${xmlText(feed.publisher)}</name><uri>${xmlText(feed.homeUrl)}</uri></author>`,
    `<icon>${xmlText(feed.iconUrl)}</icon>`,
  ];
  for (const entry of feed.entries) {
    lines.push(
      '<entry>',
      `<title type="text">${xmlText(entry.title)}</title>`,
      `<link rel="alternate" type="text/html" hreflang="${xmlText(feed.language)}" href="${xmlText(entry.url)}"/>`,
      ...entry.translations.map(
        (translation) =>
          `<link rel="alternate" type="text/html" hreflang="${xmlText(translation.language)}" href="${xmlText(translation.url)}"/>`,
      ),
      `<id>${xmlText(entry.url)}</id>`,
      `<published>${isoDateTime(entry.published)}</published>`,
      `<updated>${isoDateTime(entry.updated)}</updated>`,
      `<author><name>${xmlText(entry.author)}</name></author>`,
      `<category term="${xmlText(entry.category.term)}" scheme="${xmlText(entry.category.scheme)}" label="${xmlText(entry.category.label)}"/>`,
      ...entry.tags.map(
        (tag) => `<category term="${xmlText(tag.term)}" scheme="${xmlText(tag.scheme)}" label="${xmlText(tag.label)}"/>`,
      ),
      `<summary type="text">${xmlText(entry.summary)}</summary>`,
      `<content type="html">${xmlText(entry.html)}</content>`,
      '</entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
