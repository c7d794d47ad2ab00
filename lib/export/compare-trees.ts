import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Two folders compared file by file, byte for byte (used to prove builds are reproducible). */
export type TreeDifference = {
  onlyInFirst: string[];
  onlyInSecond: string[];
  /** Files in both whose bytes differ, each with where the first difference is. */
  differing: { file: string; offset: number; first: string; second: string }[];
  /** Files and folders compared. */
  entries: number;
};

/** Every file and folder under `root`, as sorted `/`-separated relative paths (folders end in `/`). */
export function listTree(root: string): string[] {
  const entries: string[] = [];
  const visit = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        entries.push(`${prefix}${entry.name}/`);
        visit(path.join(dir, entry.name), `${prefix}${entry.name}/`);
      } else {
        entries.push(`${prefix}${entry.name}`);
      }
    }
  };
  visit(root, '');
  return entries.sort();
}

/** Up to `radius` characters either side of a byte offset, for a readable report. */
function excerpt(bytes: Buffer, offset: number, radius = 60): string {
  return bytes
    .subarray(Math.max(0, offset - radius), Math.min(bytes.length, offset + radius))
    .toString('utf8')
    .replace(/\s+/g, ' ');
}

export function compareTrees(first: string, second: string): TreeDifference {
  const a = listTree(first);
  const b = listTree(second);
  const inB = new Set(b);
  const inA = new Set(a);
  const difference: TreeDifference = {
    onlyInFirst: a.filter((entry) => !inB.has(entry)),
    onlyInSecond: b.filter((entry) => !inA.has(entry)),
    differing: [],
    entries: a.length,
  };
  for (const entry of a) {
    if (entry.endsWith('/') || !inB.has(entry)) continue;
    const left = readFileSync(path.join(first, entry));
    const right = readFileSync(path.join(second, entry));
    if (left.equals(right)) continue;
    let offset = 0;
    while (offset < left.length && offset < right.length && left[offset] === right[offset]) offset += 1;
    difference.differing.push({ file: entry, offset, first: excerpt(left, offset), second: excerpt(right, offset) });
  }
  return difference;
}

export function isIdentical(difference: TreeDifference): boolean {
  return difference.onlyInFirst.length === 0 && difference.onlyInSecond.length === 0 && difference.differing.length === 0;
}

export function formatDifference(difference: TreeDifference, names: [string, string]): string {
  if (isIdentical(difference)) return `identical: ${difference.entries} files and folders`;
  const lines: string[] = [];
  for (const entry of difference.onlyInFirst) lines.push(`only in ${names[0]}: ${entry}`);
  for (const entry of difference.onlyInSecond) lines.push(`only in ${names[1]}: ${entry}`);
  for (const { file, offset, first, second } of difference.differing) {
    lines.push(`differs: ${file} (from byte ${offset})`, `  ${names[0]}: …${first}…`, `  ${names[1]}: …${second}…`);
  }
  return lines.join('\n');
}
