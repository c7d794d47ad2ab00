import { ltrRuns } from '@/lib/text/bidi';

/**
 * Rehype step for right-to-left stories: wraps every left-to-right run of body text (Latin
 * names, figures, addresses; see lib/text/bidi.ts) in `<bdi dir="ltr">`, so it cannot
 * reorder the Arabic punctuation around it. Passages an editor already marked with `dir` or
 * `lang` or with the kit's `<Lang>`, and code, are left as written.
 */

type Node = {
  type: string;
  value?: string;
  tagName?: string;
  name?: string | null;
  properties?: Record<string, unknown>;
  attributes?: { type: string; name?: string }[];
  children?: Node[];
};

const UNTOUCHED_ELEMENTS = new Set(['bdi', 'bdo', 'code', 'kbd', 'pre', 'samp', 'script', 'style', 'svg', 'math', 'var']);

function isMarkedPassage(node: Node): boolean {
  if (node.type === 'element') {
    if (UNTOUCHED_ELEMENTS.has(node.tagName ?? '')) return true;
    return node.properties?.dir !== undefined || node.properties?.lang !== undefined;
  }
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    // The kit's other-language passage (`<Lang code="en">`) gets its own lang and dir when rendered.
    if (node.name === 'Lang') return true;
    return (node.attributes ?? []).some((attribute) => attribute.type === 'mdxJsxAttribute' && (attribute.name === 'dir' || attribute.name === 'lang'));
  }
  return false;
}

function isolate(parent: Node): void {
  if (!parent.children) return;
  parent.children = parent.children.flatMap((child): Node[] => {
    if (child.type === 'text' && child.value) {
      const segments = ltrRuns(child.value);
      if (!segments.some((segment) => segment.ltr)) return [child];
      return segments.map((segment) =>
        segment.ltr
          ? { type: 'element', tagName: 'bdi', properties: { dir: 'ltr' }, children: [{ type: 'text', value: segment.text }] }
          : { type: 'text', value: segment.text },
      );
    }
    if (!isMarkedPassage(child)) isolate(child);
    return [child];
  });
}

export function rehypeIsolateLtr() {
  return (tree: Node) => isolate(tree);
}
