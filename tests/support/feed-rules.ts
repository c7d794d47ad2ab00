import { Parser } from 'htmlparser2';
import { ACCEPTABLE_ELEMENTS } from '@/lib/feeds/feed-html';
import { child, childrenNamed, parseXml, textOf, type XmlNode } from './xml-tree';

/**
 * The rules of the W3C Feed Validation Service that a news feed can break, restated as
 * checks (the service itself is a network service; these run offline in the tests). Each
 * returns the problems found, in the validator's own words where it has them, so an empty
 * list means "no errors and no warnings" for the cases covered:
 *  - well-formed XML, required elements, no duplicated single elements, unique GUIDs/ids;
 *  - RFC 822 dates (RSS) with the right weekday, RFC 3339 dates (Atom), none implausible;
 *  - absolute http(s) URLs made of URI characters; `atom:link rel="self"` present;
 *  - plain-text RSS elements without HTML or named entities (CharacterData, ContainsHTML);
 *  - RSS description before content:encoded (NeedDescriptionBeforeContent);
 *  - HTML content: only elements and attributes feed readers accept (SecurityRisk,
 *    SecurityRiskAttr), no style attributes, no relative links (ContainsRelRef);
 *  - Atom: no two alternate links with the same type and hreflang (DuplicateAtomLink).
 */

const RFC2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{1,2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) (GMT|UT|[+-]\d{2}[03]0)$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const FULL_URI = /^[a-zA-Z][0-9a-zA-Z+\-.]*:(\/\/)?[0-9a-zA-Z;/?:@&=+$.\-_!~*'()%,#]+$/;
const HTML_END_TAG = /<\/(\w+)>/;

/** Elements RSS allows only once per parent. */
const SINGLE_RSS = ['title', 'link', 'description', 'language', 'lastBuildDate', 'pubDate', 'guid', 'content:encoded', 'dc:creator', 'atom:link'];

type Options = { now?: Date };

function checkDate(value: string | undefined, where: string, kind: 'rfc822' | 'rfc3339', now: Date, problems: string[]) {
  if (value === undefined) return;
  let date: Date;
  if (kind === 'rfc822') {
    const match = RFC2822.exec(value);
    if (!match) return void problems.push(`${where}: "${value}" is not an RFC 822 date`);
    date = new Date(value);
    const weekday = date.toUTCString().slice(0, 3);
    if (weekday !== match[1]) problems.push(`${where}: "${value}" names the wrong day of the week (${weekday})`);
  } else {
    if (!RFC3339.test(value)) return void problems.push(`${where}: "${value}" is not an RFC 3339 date-time`);
    date = new Date(value);
  }
  if (Number.isNaN(date.getTime())) problems.push(`${where}: "${value}" is not a real date`);
  else if (date.getUTCFullYear() < 1990 || date.getTime() > now.getTime() + 600_000) problems.push(`${where}: implausible date "${value}"`);
}

function checkUri(value: string | undefined, where: string, problems: string[]) {
  if (value === undefined) return void problems.push(`${where}: missing`);
  if (!FULL_URI.test(value) || !/^https?:\/\/[^/]/.test(value)) problems.push(`${where}: "${value}" is not an absolute http(s) URL`);
}

/** HTML carried in a feed: only accepted elements and attributes, and absolute links. */
export function checkFeedHtml(html: string, where: string): string[] {
  const problems: string[] = [];
  const attributesAllowed = new Set([
    'abbr', 'align', 'alt', 'border', 'cellpadding', 'cellspacing', 'cite', 'class', 'colspan', 'datetime', 'dir',
    'headers', 'height', 'href', 'hreflang', 'id', 'lang', 'loading', 'decoding', 'media', 'name', 'rel', 'reversed',
    'rowspan', 'scope', 'sizes', 'span', 'src', 'srcset', 'start', 'summary', 'tabindex', 'title', 'type', 'value', 'width',
  ]);
  const parser = new Parser({
    onopentag(name, attributes) {
      if (!ACCEPTABLE_ELEMENTS.has(name)) problems.push(`${where}: <${name}> is a security risk for feed readers`);
      for (const [attribute, value] of Object.entries(attributes)) {
        if (attribute === 'style') problems.push(`${where}: style attribute on <${name}>`);
        else if (!attributesAllowed.has(attribute) && !attribute.startsWith('data-') && !attribute.startsWith('on'))
          problems.push(`${where}: attribute ${attribute} on <${name}> is a security risk for feed readers`);
        if (attribute.startsWith('on')) problems.push(`${where}: script attribute ${attribute}`);
        if ((attribute === 'href' || attribute === 'src') && !/^\w+:/.test(value.trim()))
          problems.push(`${where}: relative URL "${value}" in ${attribute}`);
      }
    },
  });
  parser.end(html);
  return problems;
}

export function checkRss(xml: string, { now = new Date() }: Options = {}): string[] {
  const problems: string[] = [];
  let rss: XmlNode;
  try {
    rss = parseXml(xml);
  } catch (error) {
    return [String(error)];
  }
  if (rss.name !== 'rss' || rss.attrs.version !== '2.0') return ['the root element is not <rss version="2.0">'];
  const channel = child(rss, 'channel');
  if (!channel) return ['no <channel>'];

  const single = (node: XmlNode, where: string) => {
    for (const name of SINGLE_RSS) if (childrenNamed(node, name).length > 1) problems.push(`${where}: <${name}> appears more than once`);
  };
  const plainText = (node: XmlNode, name: string, where: string) => {
    for (const element of childrenNamed(node, name)) {
      const source = element.text;
      const tag = HTML_END_TAG.exec(source);
      if (tag) problems.push(`${where}: <${name}> should not contain HTML (</${tag[1]}>)`);
      if (element.cdata) problems.push(`${where}: <${name}> uses CDATA for plain text`);
    }
  };
  single(channel, 'channel');
  for (const name of ['title', 'link', 'description', 'language']) if (!textOf(channel, name)) problems.push(`channel: missing <${name}>`);
  checkUri(textOf(channel, 'link'), 'channel link', problems);
  plainText(channel, 'title', 'channel');
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(textOf(channel, 'language') ?? '')) problems.push('channel: invalid <language>');
  const self = childrenNamed(channel, 'atom:link').find((link) => link.attrs.rel === 'self');
  if (!self) problems.push('channel: missing atom:link rel="self" (MissingAtomSelfLink)');
  else {
    checkUri(self.attrs.href, 'atom:link self', problems);
    if (self.attrs.type !== 'application/rss+xml') problems.push('atom:link self: type is not application/rss+xml');
  }
  checkDate(textOf(channel, 'lastBuildDate'), 'channel lastBuildDate', 'rfc822', now, problems);
  checkDate(textOf(channel, 'pubDate'), 'channel pubDate', 'rfc822', now, problems);

  const guids = new Set<string>();
  childrenNamed(channel, 'item').forEach((item, index) => {
    const where = `item ${index + 1}`;
    single(item, where);
    if (!textOf(item, 'title')) problems.push(`${where}: missing <title>`);
    plainText(item, 'title', where);
    plainText(item, 'dc:creator', where);
    plainText(item, 'category', where);
    checkUri(textOf(item, 'link'), `${where} link`, problems);
    const guid = child(item, 'guid');
    if (!guid) problems.push(`${where}: missing <guid> (MissingGuid)`);
    else {
      if (guid.attrs.isPermaLink !== 'false') checkUri(guid.text.trim(), `${where} guid`, problems);
      if (guids.has(guid.text.trim())) problems.push(`${where}: duplicate guid ${guid.text.trim()}`);
      guids.add(guid.text.trim());
    }
    if (!child(item, 'pubDate')) problems.push(`${where}: missing <pubDate>`);
    checkDate(textOf(item, 'pubDate'), `${where} pubDate`, 'rfc822', now, problems);
    for (const category of childrenNamed(item, 'category')) if (category.attrs.domain) checkUri(category.attrs.domain, `${where} category domain`, problems);
    const names = item.children.map((node) => node.name);
    if (names.includes('content:encoded') && names.indexOf('description') > names.indexOf('content:encoded'))
      problems.push(`${where}: <description> must come before <content:encoded> (NeedDescriptionBeforeContent)`);
    for (const name of ['description', 'content:encoded']) {
      const html = textOf(item, name);
      if (html !== undefined) problems.push(...checkFeedHtml(html, `${where} ${name}`));
    }
  });
  return problems;
}

export function checkAtom(xml: string, { now = new Date() }: Options = {}): string[] {
  const problems: string[] = [];
  let feed: XmlNode;
  try {
    feed = parseXml(xml);
  } catch (error) {
    return [String(error)];
  }
  if (feed.name !== 'feed' || feed.attrs.xmlns !== 'http://www.w3.org/2005/Atom') return ['the root element is not an Atom <feed>'];
  for (const name of ['id', 'title', 'updated']) {
    if (!child(feed, name)) problems.push(`feed: missing <${name}>`);
    if (childrenNamed(feed, name).length > 1) problems.push(`feed: <${name}> appears more than once`);
  }
  checkUri(textOf(feed, 'id'), 'feed id', problems);
  checkDate(textOf(feed, 'updated'), 'feed updated', 'rfc3339', now, problems);
  const links = childrenNamed(feed, 'link');
  const self = links.find((link) => link.attrs.rel === 'self');
  if (!self) problems.push('feed: missing link rel="self" (MissingSelf)');
  else checkUri(self.attrs.href, 'feed self link', problems);
  const feedAuthor = child(feed, 'author');
  const ids = new Set<string>();
  childrenNamed(feed, 'entry').forEach((entry, index) => {
    const where = `entry ${index + 1}`;
    for (const name of ['id', 'title', 'updated']) if (!child(entry, name)) problems.push(`${where}: missing <${name}>`);
    for (const name of ['id', 'title', 'updated', 'published', 'summary', 'content']) {
      if (childrenNamed(entry, name).length > 1) problems.push(`${where}: <${name}> appears more than once`);
    }
    const id = textOf(entry, 'id') ?? '';
    checkUri(id, `${where} id`, problems);
    if (ids.has(id)) problems.push(`${where}: duplicate id ${id}`);
    ids.add(id);
    if (!feedAuthor && !child(entry, 'author')) problems.push(`${where}: no author in the entry or the feed`);
    checkDate(textOf(entry, 'updated'), `${where} updated`, 'rfc3339', now, problems);
    checkDate(textOf(entry, 'published'), `${where} published`, 'rfc3339', now, problems);
    const alternates = childrenNamed(entry, 'link').filter((link) => (link.attrs.rel ?? 'alternate') === 'alternate');
    if (alternates.length === 0 && !child(entry, 'content')) problems.push(`${where}: no alternate link and no content`);
    const seen = new Set<string>();
    for (const link of alternates) {
      checkUri(link.attrs.href, `${where} link`, problems);
      const key = `${link.attrs.type ?? ''}|${link.attrs.hreflang ?? ''}`;
      if (seen.has(key)) problems.push(`${where}: two alternate links with the same type and hreflang (DuplicateAtomLink)`);
      seen.add(key);
    }
    const content = child(entry, 'content');
    if (content?.attrs.type === 'html') problems.push(...checkFeedHtml(content.text, `${where} content`));
    for (const name of ['title', 'summary']) {
      const text = child(entry, name)?.text ?? '';
      if (/&(lt|gt|amp|quot|apos|#x?[0-9a-f]+);/i.test(text)) problems.push(`${where}: <${name}> is escaped twice`);
    }
  });
  return problems;
}
