import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { splitFrontmatter } from './frontmatter';

/**
 * A translation records which version of its original it was checked against: the
 * `originalHash` field holds a short hash of the original's words (title, summary and body).
 * When the original changes, the hashes differ and the checker warns that the translation
 * is stale. Changes that do not alter the words (tags, dates, white space at line ends)
 * leave the hash alone.
 */

/** The field a translation's front matter carries. */
export const HASH_FIELD = 'originalHash';

export const HASH_PATTERN = /^[0-9a-f]{12}$/;

/** The words of a story file that a translation follows, normalised. */
function translatableText(source: string, fields: { title: string; summary: string }): string {
  const body = splitFrontmatter(source)
    .body.normalize('NFC')
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
  return [fields.title.normalize('NFC').trim(), fields.summary.normalize('NFC').trim(), body].join('\n\0\n');
}

export function originalHash(source: string, fields: { title: string; summary: string }): string {
  return createHash('sha256').update(translatableText(source, fields)).digest('hex').slice(0, 12);
}

/**
 * Writes `originalHash: <hash>` into a translation's front matter, replacing the old value
 * or adding the line after `translatedFrom`. Everything else in the file stays as it was.
 */
export function writeOriginalHash(file: string, hash: string): { previous: string | null } {
  const source = readFileSync(file, 'utf8');
  const newline = source.includes('\r\n') ? '\r\n' : '\n';
  const lines = source.split(/\r?\n/);
  const close = lines.findIndex((line, index) => index > 0 && /^---[ \t]*$/.test(line));
  if (!/^---[ \t]*$/.test(lines[0] ?? '') || close === -1) throw new Error(`${file} has no front matter`);
  const field = new RegExp(`^${HASH_FIELD}:\\s*(.*?)\\s*$`);
  const existing = lines.findIndex((line, index) => index > 0 && index < close && field.test(line));
  let previous: string | null = null;
  if (existing !== -1) {
    previous = field.exec(lines[existing])![1].replace(/^["']|["']$/g, '') || null;
    lines[existing] = `${HASH_FIELD}: "${hash}"`;
  } else {
    const after = lines.findIndex((line, index) => index > 0 && index < close && /^translatedFrom:/.test(line));
    // Quoted: a hash made only of digits would otherwise be read as a number.
    lines.splice(after === -1 ? close : after + 1, 0, `${HASH_FIELD}: "${hash}"`);
  }
  writeFileSync(file, lines.join(newline));
  return { previous };
}
