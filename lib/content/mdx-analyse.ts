import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Node as EstreeNode, Program } from 'estree-jsx';
import type { Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { writeFileAtomic } from '../write-atomic';

/**
 * Parses a story body as MDX (the same syntax the compiler reads: Markdown, GFM and JSX)
 * and records every fact the checker needs, each with its line and column in the file.
 * Pure and cached by the text, so the dev server re-parses only files that changed.
 */

export type Position = { line: number; column: number };

export type AttributeFact = Position & {
  name: string;
  /** The literal text of `name="..."`; null for a bare `name`; an expression for `name={...}`. */
  value: { kind: 'text'; text: string } | { kind: 'none' } | { kind: 'expression'; program: Program | undefined; source: string };
};

export type ElementFact = Position & {
  /** `Figure`, `span`, `Foo.Bar`; null for a fragment `<>`. */
  name: string | null;
  attributes: AttributeFact[];
  spreads: Position[];
  /** Stands on its own line(s), not inside a sentence. */
  alone: boolean;
  hasChildren: boolean;
  /** The plain text inside it (for corrections). */
  text: string;
};

export type EsmFact = Position & { program: Program | undefined };
export type ExpressionFact = Position & { program: Program | undefined };
export type LinkFact = Position & { url: string; element: string };
export type ImageFact = Position & { url: string; alt: string };

export type MdxFacts = {
  /** Lines before the body in the file (front matter), for positions inside embedded code. */
  lineOffset: number;
  syntaxError?: Position & { reason: string; ruleId?: string };
  elements: ElementFact[];
  esm: EsmFact[];
  expressions: ExpressionFact[];
  links: LinkFact[];
  images: ImageFact[];
  headings: { depth: number; text: string }[];
};

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

const memo = new Map<string, MdxFacts>();

/**
 * Reads a body into its facts. The default only parses it; the content check passes one that
 * compiles the story from the same parse (lib/content/compile.ts, compilingParser), so each
 * body is parsed once per build.
 */
export type BodyParser = (body: string, lineOffset: number) => MdxFacts;

/**
 * `bodyStartLine` is the file line of the body's first line, so positions are file positions.
 * With `disk`, facts are also kept between builds (see MdxFactsCache).
 */
export function analyseMdx(body: string, bodyStartLine: number, disk?: MdxFactsCache, parse: BodyParser = analyse): MdxFacts {
  const key = factsKey(body, bodyStartLine);
  const cached = memo.get(key) ?? disk?.get(key);
  if (cached) {
    disk?.set(key, cached);
    return cached;
  }
  const facts = parse(body, bodyStartLine - 1);
  if (memo.size > 2000) memo.clear();
  memo.set(key, facts);
  disk?.set(key, facts);
  return facts;
}

/** What a body's facts are kept under: its text and where it starts in its file. */
export function factsKey(body: string, bodyStartLine: number): string {
  return createHash('sha256').update(String(bodyStartLine)).update('\0').update(body).digest('hex');
}

/**
 * The facts of every story body the content check read, kept on disk for the next build, so a
 * rebuild parses only the bodies that changed (parsing, with the compile that now shares it, is
 * most of the check's time). The check still runs every check on every file: only the parse is reused.
 * Facts are keyed by the body's text and position; the file is keyed by the content folder, the
 * source of both parsers (this one and the check's compiling one) and the versions of every
 * installed package, so any change there starts afresh. Bodies with
 * JavaScript (imports, expressions) are always parsed again: their syntax trees may hold
 * values JSON cannot keep. Only the facts read in this run are written back, so the file holds
 * the current content and nothing older.
 */
export class MdxFactsCache {
  private readonly stored = new Map<string, MdxFacts>();
  private readonly used = new Map<string, MdxFacts>();
  private readonly file: string;

  constructor(cacheDir: string, contentRoot: string, projectRoot: string = process.cwd()) {
    // The parse depends on many packages below remark (micromark's extensions, acorn, the mdast
    // utilities), so the fingerprint takes the versions of everything installed: npm's record
    // of node_modules, or the lock file.
    // The check's facts come from this parser or from the compiler's parse (compilingParser).
    const fingerprint = createHash('sha256');
    for (const source of ['lib/content/mdx-analyse.ts', 'lib/content/compile.ts']) fingerprint.update(readFileSync(path.join(projectRoot, source)));
    const installed = [path.join(projectRoot, 'node_modules', '.package-lock.json'), path.join(projectRoot, 'package-lock.json')].find((file) => existsSync(file));
    fingerprint.update(installed ? readFileSync(installed) : 'no lock file');
    // One file per content folder: a check of another folder (a test fixture) keeps its own.
    fingerprint.update('\0').update(path.resolve(contentRoot));
    this.file = path.join(cacheDir, `mdx-facts-${fingerprint.digest('hex').slice(0, 32)}.json`);
    if (!existsSync(this.file)) return;
    try {
      const entries: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      if (entries && typeof entries === 'object') for (const [key, facts] of Object.entries(entries)) this.stored.set(key, facts as MdxFacts);
    } catch {
      // A damaged cache is a cold cache.
    }
  }

  get(key: string): MdxFacts | undefined {
    return this.stored.get(key);
  }

  set(key: string, facts: MdxFacts): void {
    if (!holdsScript(facts)) this.used.set(key, facts);
  }

  /** Writes the facts read in this run (write then rename: a parallel process never reads half a file). */
  save(): void {
    writeFileAtomic(this.file, JSON.stringify(Object.fromEntries(this.used)));
  }
}

/** Whether a body holds JavaScript (imports, exports, expressions), whose syntax trees JSON cannot keep. */
export function holdsScript(facts: MdxFacts): boolean {
  return facts.esm.length > 0 || facts.expressions.length > 0 || facts.elements.some((element) => element.attributes.some((attribute) => attribute.value.kind === 'expression'));
}

type VFileMessageLike = { reason?: string; message?: string; line?: number; column?: number; ruleId?: string; place?: unknown };

/** Parses a body on its own (the default BodyParser). */
export function analyse(body: string, lineOffset: number): MdxFacts {
  let tree: Root;
  try {
    tree = processor.runSync(processor.parse(body)) as Root;
  } catch (error) {
    return syntaxErrorFacts(error, lineOffset);
  }
  return analyseTree(tree, lineOffset);
}

/** The facts of a body the parser rejected: where and why. */
export function syntaxErrorFacts(error: unknown, lineOffset: number): MdxFacts {
  const message = error as VFileMessageLike;
  const reason = message.reason ?? message.message ?? String(error);
  let line = message.line;
  let column = message.column;
  if (line === undefined) {
    // Some messages only name the place in their text: "Expected a closing tag for `<Figure>` (3:1-3:17)".
    const match = /\((\d+):(\d+)(?:-\d+:\d+)?\)\s*$/.exec(reason);
    if (match) [line, column] = [Number(match[1]), Number(match[2])];
  }
  return {
    lineOffset,
    syntaxError: { line: (line ?? 1) + lineOffset, column: column ?? 1, reason, ruleId: message.ruleId },
    elements: [],
    esm: [],
    expressions: [],
    links: [],
    images: [],
    headings: [],
  };
}

/**
 * The facts of a parsed body: its tree as Markdown, GFM and MDX read it, before any compile
 * step has changed it.
 */
export function analyseTree(tree: Root, lineOffset: number): MdxFacts {
  const facts: MdxFacts = { lineOffset, elements: [], esm: [], expressions: [], links: [], images: [], headings: [] };
  const at = (node: { position?: { start: { line: number; column: number } } }): Position => ({
    line: (node.position?.start.line ?? 1) + lineOffset,
    column: node.position?.start.column ?? 1,
  });
  const estreeAt = (program: Program | undefined, fallback: Position): Position => {
    const loc = (program?.body[0] ?? program)?.loc;
    return loc ? { line: loc.start.line + lineOffset, column: loc.start.column + 1 } : fallback;
  };

  const visit = (node: RootContent | Root, parent: RootContent | Root | null) => {
    switch (node.type) {
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        facts.elements.push(element(node, parent, at));
        break;
      case 'mdxjsEsm': {
        const program = node.data?.estree as Program | undefined;
        facts.esm.push({ ...estreeAt(program, at(node)), program });
        break;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const program = node.data?.estree as Program | undefined;
        facts.expressions.push({ ...at(node), program });
        break;
      }
      case 'link':
        facts.links.push({ ...at(node), url: node.url, element: 'link' });
        break;
      case 'definition':
        facts.links.push({ ...at(node), url: node.url, element: 'link' });
        break;
      case 'image':
        facts.images.push({ ...at(node), url: node.url, alt: node.alt ?? '' });
        break;
      case 'imageReference':
        break;
      case 'heading':
        facts.headings.push({ depth: node.depth, text: toString(node) });
        break;
      default:
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child as RootContent, node);
  };
  visit(tree, null);

  // Images written by reference (`![alt][id]` with `[id]: ./photo.jpg`) are checked like the others.
  const definitions = new Map<string, string>();
  const collect = (node: RootContent | Root) => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
    if ('children' in node) node.children.forEach((child) => collect(child as RootContent));
  };
  collect(tree);
  const references = (node: RootContent | Root) => {
    if (node.type === 'imageReference') {
      facts.images.push({ ...at(node), url: definitions.get(node.identifier) ?? '', alt: node.alt ?? '' });
    }
    if ('children' in node) node.children.forEach((child) => references(child as RootContent));
  };
  references(tree);
  return facts;
}

function element(
  node: MdxJsxFlowElement | MdxJsxTextElement,
  parent: RootContent | Root | null,
  at: (node: { position?: { start: { line: number; column: number } } }) => Position,
): ElementFact {
  const alone =
    node.type === 'mdxJsxFlowElement' ||
    (parent?.type === 'paragraph' &&
      parent.children.every((sibling) => sibling === node || (sibling.type === 'text' && sibling.value.trim() === '')));
  const attributes: AttributeFact[] = [];
  const spreads: Position[] = [];
  for (const attribute of node.attributes as (MdxJsxAttribute | MdxJsxExpressionAttribute)[]) {
    const position = at(attribute);
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      spreads.push(position);
      continue;
    }
    const value = attribute.value;
    attributes.push({
      ...position,
      name: attribute.name,
      value:
        value === null || value === undefined
          ? { kind: 'none' }
          : typeof value === 'string'
            ? { kind: 'text', text: value }
            : { kind: 'expression', program: value.data?.estree as Program | undefined, source: value.value },
    });
  }
  return {
    ...at(node),
    name: node.name,
    attributes,
    spreads,
    alone,
    hasChildren: toString(node).trim() !== '' || node.children.some((child) => child.type !== 'text'),
    text: toString(node).replace(/\s+/g, ' ').trim(),
  };
}

/** Walks an estree program, depth first, calling `enter` on every node. */
export function walkEstree(node: EstreeNode | null | undefined, enter: (node: EstreeNode) => void): void {
  if (!node || typeof node !== 'object' || typeof (node as { type?: unknown }).type !== 'string') return;
  enter(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'range' || key === 'parent') continue;
    if (Array.isArray(value)) value.forEach((child) => walkEstree(child as EstreeNode, enter));
    else if (value && typeof value === 'object') walkEstree(value as EstreeNode, enter);
  }
}
