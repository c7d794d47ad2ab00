/**
 * Rehype plugin: every link in a story that leaves the site (an absolute `http(s)://` or
 * protocol-relative address) gets `rel="noopener noreferrer"`, whether it was written in
 * Markdown (`[text](https://...)`) or as JSX (`<a href="https://...">`). Existing `rel`
 * values are kept. Links within the site (relative addresses, `#anchors`) are left alone.
 */

export const EXTERNAL_REL = ['noopener', 'noreferrer'];

type Node = { type: string; children?: Node[] };
type HastElement = Node & { type: 'element'; tagName: string; properties?: Record<string, unknown> };
type JsxAttribute = { type: string; name?: string; value?: unknown };
type JsxElement = Node & { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement'; name: string | null; attributes: JsxAttribute[] };

export function isExternalHref(href: unknown): boolean {
  return typeof href === 'string' && /^(?:https?:)?\/\//i.test(href.trim());
}

function mergeRel(existing: unknown): string[] {
  const current = Array.isArray(existing)
    ? existing.map(String)
    : typeof existing === 'string'
      ? existing.split(/\s+/).filter(Boolean)
      : [];
  return [...new Set([...current, ...EXTERNAL_REL])];
}

function visit(node: Node): void {
  if (node.type === 'element') {
    const element = node as HastElement;
    if (element.tagName === 'a' && isExternalHref(element.properties?.href)) {
      element.properties = { ...element.properties, rel: mergeRel(element.properties?.rel) };
    }
  } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    const element = node as JsxElement;
    const href = element.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'href');
    if (element.name === 'a' && href && isExternalHref(href.value)) {
      const rel = element.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'rel');
      const value = mergeRel(rel?.value).join(' ');
      if (rel) rel.value = value;
      else element.attributes.push({ type: 'mdxJsxAttribute', name: 'rel', value });
    }
  }
  for (const child of node.children ?? []) visit(child);
}

export function rehypeExternalLinks() {
  return (tree: Node) => visit(tree);
}
