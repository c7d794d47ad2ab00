import { describe, expect, it } from 'vitest';
import { findInvisibleCharacters } from '@/lib/content/text-checks';

const BIDI_CONTROLS = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];

describe('invisible characters', () => {
  it('reports every bidirectional control character of the Trojan Source attack, where it is', () => {
    for (const codePoint of BIDI_CONTROLS) {
      const text = `---\ntitle: x\n---\n\nabc${String.fromCodePoint(codePoint)}def\n`;
      const problems = findInvisibleCharacters(text, 'story.mdx');
      expect(problems, codePoint.toString(16)).toHaveLength(1);
      expect(problems[0]).toMatchObject({ line: 5, column: 4, severity: 'error' });
      expect(problems[0].message).toContain(`U+${codePoint.toString(16).toUpperCase()}`);
      expect(problems[0].message).toContain('between "abc" and "def"');
    }
  });

  it('finds them in front matter too', () => {
    const problems = findInvisibleCharacters('---\ntitle: "a\u202eb"\n---\n', 'story.mdx');
    expect(problems.map((problem) => [problem.line, problem.column])).toEqual([[2, 10]]);
  });

  it('reports other invisible characters, with columns counted as editors count them', () => {
    const problems = findInvisibleCharacters('😀x\u200by\ufeff', 'story.mdx');
    expect(problems.map((problem) => [problem.column, problem.message.split(' ').slice(0, 3).join(' ')])).toEqual([
      [4, 'invisible character U+200B'],
      [6, 'invisible character U+FEFF'],
    ]);
  });

  it('allows the zero-width joiner and non-joiner that Arabic and Persian words need', () => {
    expect(findInvisibleCharacters('می\u200cخواهم لا\u200dم', 'story.mdx')).toEqual([]);
  });
});
