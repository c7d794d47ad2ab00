import type { Problem } from './problems';

/**
 * Characters an editor cannot see and a story has no use for. Bidirectional controls can
 * make text display in a different order from the one stored (the "Trojan Source" attack);
 * the others hide inside words and break search, sorting and copying. Zero-width joiner and
 * non-joiner (U+200D, U+200C) shape Arabic and Persian letters and stay allowed.
 */
const invisible = new Map<number, { name: string; bidi: boolean }>([
  [0x202a, { name: 'LEFT-TO-RIGHT EMBEDDING', bidi: true }],
  [0x202b, { name: 'RIGHT-TO-LEFT EMBEDDING', bidi: true }],
  [0x202c, { name: 'POP DIRECTIONAL FORMATTING', bidi: true }],
  [0x202d, { name: 'LEFT-TO-RIGHT OVERRIDE', bidi: true }],
  [0x202e, { name: 'RIGHT-TO-LEFT OVERRIDE', bidi: true }],
  [0x2066, { name: 'LEFT-TO-RIGHT ISOLATE', bidi: true }],
  [0x2067, { name: 'RIGHT-TO-LEFT ISOLATE', bidi: true }],
  [0x2068, { name: 'FIRST STRONG ISOLATE', bidi: true }],
  [0x2069, { name: 'POP DIRECTIONAL ISOLATE', bidi: true }],
  [0x200e, { name: 'LEFT-TO-RIGHT MARK', bidi: true }],
  [0x200f, { name: 'RIGHT-TO-LEFT MARK', bidi: true }],
  [0x061c, { name: 'ARABIC LETTER MARK', bidi: true }],
  [0x200b, { name: 'ZERO WIDTH SPACE', bidi: false }],
  [0x2060, { name: 'WORD JOINER', bidi: false }],
  [0x2061, { name: 'FUNCTION APPLICATION', bidi: false }],
  [0x2062, { name: 'INVISIBLE TIMES', bidi: false }],
  [0x2063, { name: 'INVISIBLE SEPARATOR', bidi: false }],
  [0x2064, { name: 'INVISIBLE PLUS', bidi: false }],
  [0xfeff, { name: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)', bidi: false }],
  [0x180e, { name: 'MONGOLIAN VOWEL SEPARATOR', bidi: false }],
  [0x034f, { name: 'COMBINING GRAPHEME JOINER', bidi: false }],
  [0x115f, { name: 'HANGUL CHOSEONG FILLER', bidi: false }],
  [0x3164, { name: 'HANGUL FILLER', bidi: false }],
  [0xfff9, { name: 'INTERLINEAR ANNOTATION ANCHOR', bidi: false }],
  [0xfffa, { name: 'INTERLINEAR ANNOTATION SEPARATOR', bidi: false }],
  [0xfffb, { name: 'INTERLINEAR ANNOTATION TERMINATOR', bidi: false }],
]);

function describeInvisible(codePoint: number): { name: string; bidi: boolean } | undefined {
  const known = invisible.get(codePoint);
  if (known) return known;
  if (codePoint >= 0x206a && codePoint <= 0x206f) return { name: 'DEPRECATED FORMAT CHARACTER', bidi: true };
  if (codePoint >= 0xe0000 && codePoint <= 0xe007f) return { name: 'TAG CHARACTER', bidi: false };
  return undefined;
}

export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A few visible characters on each side, so the editor can find the spot. */
function surroundings(line: string, index: number, width: number): string {
  const visible = (text: string) => [...text].filter((char) => !describeInvisible(char.codePointAt(0)!)).join('');
  const before = visible(line.slice(0, index)).slice(-12).trimStart();
  const after = visible(line.slice(index + width)).slice(0, 12).trimEnd();
  return `between "${before}" and "${after}"`;
}

/**
 * Finds every invisible or bidirectional control character in a file's text, front matter
 * included. Columns count UTF-16 code units from 1, as editors' "go to line:column" does.
 */
export function findInvisibleCharacters(source: string, file: string): Problem[] {
  const problems: Problem[] = [];
  const lines = source.split(/\r?\n/);
  lines.forEach((line, lineIndex) => {
    for (let index = 0; index < line.length; ) {
      const codePoint = line.codePointAt(index)!;
      const width = codePoint > 0xffff ? 2 : 1;
      const found = describeInvisible(codePoint);
      if (found) {
        problems.push({
          file,
          line: lineIndex + 1,
          column: index + 1,
          severity: 'error',
          message: found.bidi
            ? `invisible bidirectional control character ${codePointLabel(codePoint)} ${found.name} ${surroundings(line, index, width)}: it can make text display in a different order from the one written`
            : `invisible character ${codePointLabel(codePoint)} ${found.name} ${surroundings(line, index, width)}`,
          hint: found.bidi
            ? 'delete it; to mark words in the other language use <Lang code="en">…</Lang> or <Lang code="ar">…</Lang>'
            : 'delete it; it often comes from copying text out of a web page or a word processor',
        });
      }
      index += width;
    }
  });
  return problems;
}
