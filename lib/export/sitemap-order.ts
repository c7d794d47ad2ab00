/**
 * The sitemaps.org schema allows, inside `<url>`, only `loc`, `lastmod`, `changefreq` and
 * `priority` in that order, followed by elements of other namespaces (`xhtml:link`,
 * `image:image`). Next.js writes the `xhtml:link` alternates right after `<loc>`, which a
 * validating consumer rejects; this step moves every child into the schema's order.
 */

const URL_BLOCK = /<url>([\s\S]*?)<\/url>/g;
const CHILD = /<([a-zA-Z][\w:.-]*)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g;
const ORDER = ['loc', 'lastmod', 'changefreq', 'priority'];

export function orderSitemap(xml: string): string {
  return xml.replace(URL_BLOCK, (_whole, body: string) => {
    const children = [...body.matchAll(CHILD)].map((match) => ({ name: match[1], text: match[0] }));
    const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
    const sorted = children
      .map((child, position) => ({ ...child, position }))
      .sort((a, b) => rank(a.name) - rank(b.name) || a.position - b.position);
    return `<url>\n${sorted.map((child) => child.text).join('\n')}\n</url>`;
  });
}
