import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { Problem } from './problems';

export type SplitSource = {
  /** The YAML between the `---` fences, or null when the file has none. */
  yaml: string | null;
  /** 1-based line of the first YAML line in the file. */
  yamlStartLine: number;
  /** The MDX after the closing fence. */
  body: string;
  /** 1-based line of the first body line in the file. */
  bodyStartLine: number;
};

const FENCE = /^---[ \t]*$/;

export function splitFrontmatter(source: string): SplitSource {
  const lines = source.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    return { yaml: null, yamlStartLine: 1, body: source, bodyStartLine: 1 };
  }
  const end = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (end === -1) {
    return { yaml: null, yamlStartLine: 2, body: source, bodyStartLine: 1 };
  }
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlStartLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyStartLine: end + 2,
  };
}

export type ParsedFrontmatter = {
  data: unknown;
  /** Finds the line and column of a field (by path) in the file; falls back to the front matter start. */
  locate: (path: readonly PropertyKey[]) => { line: number; column: number };
  problems: Problem[];
};

/**
 * Parses front matter with the YAML 1.2 core schema: no timestamp type, so dates stay text
 * and are validated as written; every value keeps its position for error messages.
 */
export function parseFrontmatter(source: string, file: string): ParsedFrontmatter {
  const split = splitFrontmatter(source);
  const problems: Problem[] = [];
  if (split.yaml === null) {
    const unclosed = FENCE.test(source.split(/\r?\n/)[0] ?? '');
    problems.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      message: unclosed
        ? 'the front matter is never closed: add a line with three hyphens (---) after the last field'
        : 'the file must start with front matter: a line with three hyphens (---), the fields, and another ---',
    });
    return { data: undefined, locate: () => ({ line: 1, column: 1 }), problems };
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter, schema: 'core', prettyErrors: false, uniqueKeys: true });
  const toFile = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + split.yamlStartLine - 1, column: pos.col };
  };
  for (const error of doc.errors) {
    const at = toFile(error.pos[0]);
    problems.push({
      file,
      ...at,
      severity: 'error',
      message: `the front matter is not valid YAML: ${firstSentence(error.message)}`,
      hint: 'check quotes and colons; text containing a colon must be put in "double quotes"',
    });
  }

  const locate = (path: readonly PropertyKey[]) => {
    let node: unknown = doc.contents;
    let offset = 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => {
          const key = item.key as YamlNode | null;
          return key !== null && typeof key === 'object' && 'value' in key && key.value === segment;
        });
        if (!pair) break;
        const key = pair.key as YamlNode;
        offset = key.range?.[0] ?? offset;
        node = pair.value;
        const value = pair.value as YamlNode | null;
        if (value?.range) offset = value.range[0];
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment] as YamlNode | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else {
        break;
      }
    }
    return toFile(offset);
  };

  return { data: doc.errors.length > 0 ? undefined : (doc.toJS() ?? {}), locate, problems };
}

function firstSentence(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
