import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseMdx } from '@/lib/content/mdx-analyse';
import { checkMdx } from '@/lib/content/mdx-check';
import { formatProblem } from '@/lib/content/problems';

const dir = mkdtempSync(path.join(tmpdir(), 'story-'));
writeFileSync(path.join(dir, 'figures.json'), '{"total": 3}');

/** Problems of a body that starts on line 1 of story.mdx, in an Arabic story dated 2026-11-20. */
function problems(body: string): string[] {
  return checkMdx(analyseMdx(body, 1), { file: 'story.mdx', dir, locale: 'ar', date: '2026-11-20', stories: new Map() }).map(formatProblem);
}

describe('MDX checks', () => {
  it('explains a stray < or { in plain words, with the escape to use', () => {
    expect(problems('المبلغ <3 ملايين')[0]).toMatch(/^story\.mdx:1:\d+ {2}a < here starts a component, but what follows is not one: .* \(to write a less-than sign as text, write \\< or &lt;\)$/);
    expect(problems('نص {غير مغلق')).toEqual(['story.mdx:1:13  a { is never closed with } (to write a brace as text, write \\{)']);
  });

  it('allows comments, text values and values imported from the story folder', () => {
    expect(problems('import figures from "./figures.json"\n\nالعدد {figures.total} {/* ملاحظة */} {"نص"}')).toEqual([]);
  });

  it('refuses an import of a file that does not exist, and an export default', () => {
    expect(problems('import x from "./nothing.json"\nexport default function Layout() {}')).toEqual([
      'story.mdx:1:15  import of "./nothing.json": the file does not exist in the story folder',
      'story.mdx:2:1  export default would replace the page layout; stories cannot do that (remove this line)',
    ]);
  });

  it('allows the inline HTML an editor needs, and checks its links', () => {
    expect(problems('<abbr title="الأمم المتحدة">UN</abbr> و<sup>2</sup> و<a href="https://example.org">رابط</a>')).toEqual([]);
    expect(problems('<a href={"java\\tscript:alert(1)"}>x</a>')).toEqual([
      'story.mdx:1:4  the link "java\tscript:alert(1)" would run a script (link to a web address starting with https://)',
    ]);
  });

  it('refuses style attributes and spread props', () => {
    expect(problems('<span style={{ color: "red" }}>x</span> <Lang code="en" {...props}>x</Lang>')).toEqual([
      'story.mdx:1:7  style on <span> is not allowed: the site\'s design applies to every story (remove it)',
      'story.mdx:1:57  {...} cannot pass props to <Lang> (write each prop as name="value")',
    ]);
  });

  it('accepts a Correction inside a sentence and dated on or after the story', () => {
    expect(problems('نص <Correction date="2026-11-21">تصويب</Correction> ونص.')).toEqual([]);
    expect(problems('<Correction date="2026-11-19">تصويب</Correction>')).toEqual([
      'story.mdx:1:13  date on <Correction> is before the story\'s date 2026-11-20',
    ]);
  });
});
