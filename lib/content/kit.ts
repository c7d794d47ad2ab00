/**
 * The MDX component kit as data: the components an editor may use, their props, and the
 * few HTML elements allowed inline. The checker validates stories against this list and
 * `components/mdx/components.tsx` must implement exactly these names (type-checked there).
 */

export type PropSpec = {
  /** The prop must be present and not empty. */
  required?: boolean;
  /** What the prop holds, for messages and for validation beyond "is text". */
  kind: 'text' | 'date' | 'image' | 'locale';
};

export type ComponentSpec = {
  props: Record<string, PropSpec>;
  /** Must stand on its own line (a figure or an aside cannot sit inside a sentence). */
  blockOnly: boolean;
  /** Must have content between its opening and closing tags. */
  needsChildren: boolean;
  /** A one-line example for hints and documentation. */
  example: string;
};

export const kit = {
  Figure: {
    props: { src: { required: true, kind: 'image' }, alt: { required: true, kind: 'text' }, credit: { kind: 'text' } },
    blockOnly: true,
    needsChildren: false,
    example: '<Figure src="./photo.jpg" alt="What the photo shows" credit="Agency">Caption</Figure>',
  },
  PullQuote: {
    props: { by: { kind: 'text' } },
    blockOnly: true,
    needsChildren: true,
    example: '<PullQuote by="Name">The quoted words</PullQuote>',
  },
  FactBox: {
    props: { title: { kind: 'text' } },
    blockOnly: true,
    needsChildren: true,
    example: '<FactBox title="Key facts">…a list…</FactBox>',
  },
  EditorNote: {
    props: {},
    blockOnly: true,
    needsChildren: true,
    example: '<EditorNote>What the reader should know</EditorNote>',
  },
  Correction: {
    props: { date: { required: true, kind: 'date' } },
    blockOnly: false,
    needsChildren: true,
    example: '<Correction date="2026-11-29">What was wrong and what is right</Correction>',
  },
  Lang: {
    props: { code: { required: true, kind: 'locale' } },
    blockOnly: false,
    needsChildren: true,
    example: '<Lang code="en">UNODC</Lang>',
  },
} as const satisfies Record<string, ComponentSpec>;

export type KitName = keyof typeof kit;

export const kitNames = Object.keys(kit) as KitName[];

export function isKitName(name: string): name is KitName {
  return Object.hasOwn(kit, name);
}

/** Components that can also sit inside a sentence; they get a `block` prop when they stand alone. */
export const inlineCapable = kitNames.filter((name) => !kit[name].blockOnly);

/** Plain HTML an editor may write inside text (no layout, no embedding, no scripting). */
export const allowedHtml = [
  'a',
  'abbr',
  'b',
  'bdi',
  'br',
  'cite',
  'code',
  'del',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
] as const;

/** Elements that embed or run something: rejected with their own message. */
export const forbiddenHtml: Record<string, string> = {
  script: 'scripts cannot run inside a story',
  iframe: 'embedded frames are not allowed in a story',
  object: 'embedded objects are not allowed in a story',
  embed: 'embedded content is not allowed in a story',
  style: 'styles cannot be set inside a story',
  form: 'forms are not allowed in a story',
  link: 'link elements are not allowed in a story',
  meta: 'meta elements are not allowed in a story',
  base: 'base elements are not allowed in a story',
};

/** Image formats a story may carry. SVG is left out: it can contain scripts. */
export const imageExtensions = ['.jpg', '.jpeg', '.png', '.webp', '.avif', '.gif'] as const;

export function isImageFile(name: string): boolean {
  const lower = name.toLowerCase();
  return imageExtensions.some((extension) => lower.endsWith(extension));
}
