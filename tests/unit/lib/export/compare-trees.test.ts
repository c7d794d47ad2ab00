import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareTrees, formatDifference, isIdentical } from '@/lib/export/compare-trees';

function tree(files: Record<string, string>, folders: string[] = []): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tree-'));
  for (const folder of folders) mkdirSync(path.join(dir, folder), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const site = { 'index.html': '<p>صدى</p>', 'ar/index.html': '<html lang="ar"><p>نص</p></html>' };

describe('compareTrees', () => {
  it('finds two identical exports identical', () => {
    const difference = compareTrees(tree(site), tree(site));
    expect(isIdentical(difference)).toBe(true);
    expect(formatDifference(difference, ['a', 'b'])).toBe('identical: 3 files and folders');
  });

  it('names files that differ, with the first differing bytes in context', () => {
    const difference = compareTrees(tree(site), tree({ ...site, 'ar/index.html': '<html lang="ar"><p>build 2</p></html>' }));
    expect(difference.differing).toHaveLength(1);
    expect(difference.differing[0]).toMatchObject({ file: 'ar/index.html', offset: 19 });
    expect(formatDifference(difference, ['one', 'two'])).toContain('differs: ar/index.html (from byte 19)');
    expect(formatDifference(difference, ['one', 'two'])).toContain('build 2');
  });

  it('names files and empty folders present in only one export', () => {
    const difference = compareTrees(tree(site, ['_next/abc']), tree({ ...site, 'feed.xml': '<rss/>' }, ['_next/def']));
    expect(difference.onlyInFirst).toEqual(['_next/abc/']);
    expect(difference.onlyInSecond).toEqual(['_next/def/', 'feed.xml']);
    expect(isIdentical(difference)).toBe(false);
  });
});
