/**
 * The story HTML a feed carries. Feed readers show it outside the site, so every link and
 * image must be absolute, and the markup must stay within what readers (and the W3C feed
 * validator) accept: ARIA and `role` attributes, which only make sense with the site's
 * scripts and styles, are dropped; `data-*` and ordinary HTML attributes stay.
 */

/** Attributes feed readers keep, after the W3C feed validator's list of acceptable attributes. */
const ACCEPTABLE_ATTRIBUTES = new Set([
  'abbr', 'align', 'alt', 'border', 'cellpadding', 'cellspacing', 'cite', 'class', 'colspan', 'datetime', 'dir',
  'headers', 'height', 'href', 'hreflang', 'id', 'lang', 'loading', 'decoding', 'media', 'name', 'rel', 'reversed',
  'rowspan', 'scope', 'sizes', 'span', 'src', 'srcset', 'start', 'summary', 'tabindex', 'title', 'type', 'value',
  'width',
]);

/** Elements feed readers render; anything else is reported so the component map can be fixed. */
export const ACCEPTABLE_ELEMENTS = new Set([
  'a', 'abbr', 'address', 'article', 'aside', 'audio', 'b', 'bdi', 'blockquote', 'br', 'caption', 'cite', 'code',
  'col', 'colgroup', 'data', 'dd', 'del', 'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'i', 'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p',
  'picture', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'source', 'span', 'strong', 'sub',
  'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'track', 'u', 'ul', 'var',
  'video', 'wbr',
]);

const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite']);

export type FeedHtml = { html: string; unsupportedElements: string[] };

/**
 * Rewrites server-rendered story HTML for a feed: URLs resolved against the story's own
 * address (so `#section` links and site paths work in a reader), unsupported attributes
 * removed. Elements outside the accepted list are reported, not silently dropped.
 */
export function feedHtml(html: string, pageUrl: string): FeedHtml {
  const unsupported = new Set<string>();
  const rewritten = html.replace(TAG, (_whole, name: string, attributes: string, selfClosing: string) => {
    const tag = name.toLowerCase();
    if (!ACCEPTABLE_ELEMENTS.has(tag)) unsupported.add(tag);
    const kept: string[] = [];
    for (const match of attributes.matchAll(ATTRIBUTE)) {
      const attribute = match[1].toLowerCase();
      const value = match[2] ?? match[3] ?? match[4];
      if (!ACCEPTABLE_ATTRIBUTES.has(attribute) && !attribute.startsWith('data-')) continue;
      if (value === undefined) {
        kept.push(attribute);
        continue;
      }
      const resolved = URL_ATTRIBUTES.has(attribute) ? absolutise(value, pageUrl) : value;
      kept.push(`${attribute}="${resolved.replace(/"/g, '&quot;')}"`);
    }
    return `<${tag}${kept.map((attribute) => ` ${attribute}`).join('')}${selfClosing ? ' /' : ''}>`;
  });
  return { html: rewritten, unsupportedElements: [...unsupported].sort() };
}

function absolutise(value: string, base: string): string {
  // Values arrive HTML-escaped; `&amp;` in a query string must survive the round trip.
  const decoded = value.replace(/&amp;/g, '&');
  try {
    return new URL(decoded, base).href.replace(/&/g, '&amp;');
  } catch {
    return value;
  }
}
