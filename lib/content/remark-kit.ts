import type { Paragraph, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { inlineCapable, isKitName, kit } from './kit';

/**
 * A compile step for the component kit. A kit component written alone on a line with its
 * content on the same line (`<Figure ...>Caption</Figure>`) is parsed as text inside a
 * paragraph; a figure or an aside must not sit inside a <p>, so it is lifted out. The
 * components that can also sit in a sentence (`Lang`, `Correction`) get a `block` prop when
 * they stand alone, so they render a block element there and an inline one in a sentence.
 */
export function remarkKit() {
  return (tree: Root) => {
    transform(tree);
  };
}

type Parent = { children: RootContent[] };

function transform(parent: Parent) {
  parent.children = parent.children.map((original) => {
    const child = (original.type === 'paragraph' && liftAlone(original)) || original;
    if (child.type === 'mdxJsxFlowElement' && child.name && isKitName(child.name) && wrapsText(child)) {
      // Text written on the same line as the tags becomes a paragraph, as it reads.
      child.children = [{ type: 'paragraph', children: child.children as Paragraph['children'] }];
    }
    if (child.type === 'mdxJsxFlowElement' && child.name && (inlineCapable as string[]).includes(child.name)) {
      if (!child.attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'block')) {
        child.attributes.push({ type: 'mdxJsxAttribute', name: 'block', value: null });
      }
    }
    if ('children' in child) transform(child as Parent);
    return child;
  });
}

const FLOW_TYPES = new Set(['paragraph', 'heading', 'list', 'blockquote', 'table', 'code', 'thematicBreak', 'html', 'mdxJsxFlowElement', 'mdxFlowExpression', 'math']);

/** A block component (other than Figure, whose text is a caption) holding only inline content. */
function wrapsText(element: MdxJsxFlowElement): boolean {
  if (!element.name || !isKitName(element.name) || !kit[element.name].blockOnly || element.name === 'Figure') return false;
  return element.children.length > 0 && element.children.every((child) => !FLOW_TYPES.has(child.type));
}

function liftAlone(paragraph: Paragraph): MdxJsxFlowElement | null {
  const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  if (meaningful.length !== 1 || meaningful[0].type !== 'mdxJsxTextElement') return null;
  const element = meaningful[0] as MdxJsxTextElement;
  if (!element.name || !isKitName(element.name)) return null;
  const flow: MdxJsxFlowElement = {
    type: 'mdxJsxFlowElement',
    name: element.name,
    attributes: element.attributes,
    // Text content of a lifted block component stays one paragraph, as it would be written.
    children: element.children as MdxJsxFlowElement['children'],
    position: element.position,
  };
  return flow;
}
