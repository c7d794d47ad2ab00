import { rfc822DateTime } from '../format/timestamps';
import type { Feed } from './feed';
import { cdata, htmlEscape, rssText, xmlText } from './xml';

/**
 * RSS 2.0 with the content, Dublin Core and Atom extensions: `atom:link rel="self"`, RFC 822
 * dates, permalink GUIDs, the summary as description and the full story in
 * `content:encoded` (after the description, as the RSS profile asks).
 */
export function renderRss(feed: Feed): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${rssText(feed.title)}</title>`,
    `<link>${xmlText(feed.homeUrl)}</link>`,
    `<description>${rssText(feed.description)}</description>`,
    `<language>${xmlText(feed.language)}</language>`,
    `<atom:link href="${xmlText(feed.rssUrl)}" rel="self" type="application/rss+xml"/>`,
    ...(feed.updated ? [`<lastBuildDate>${rfc822DateTime(feed.updated)}</lastBuildDate>`] : []),
  ];
  for (const entry of feed.entries) {
    lines.push(
      '<item>',
      `<title>${rssText(entry.title)}</title>`,
      `<link>${xmlText(entry.url)}</link>`,
      `<guid isPermaLink="true">${xmlText(entry.url)}</guid>`,
      `<pubDate>${rfc822DateTime(entry.published)}</pubDate>`,
      `<dc:creator>${rssText(entry.author)}</dc:creator>`,
      `<category domain="${xmlText(entry.category.scheme)}">${rssText(entry.category.label)}</category>`,
      ...entry.tags.map((tag) => `<category domain="${xmlText(tag.scheme)}">${rssText(tag.label)}</category>`),
      `<description>${cdata(htmlEscape(entry.summary))}</description>`,
      `<content:encoded>${cdata(entry.html)}</content:encoded>`,
      '</item>',
    );
  }
  lines.push('</channel>', '</rss>', '');
  return lines.join('\n');
}
