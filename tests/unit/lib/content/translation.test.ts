import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { originalHash, writeOriginalHash } from '@/lib/content/translation';

const fields = { title: 'عنوان', summary: 'ملخص' };

describe('the original hash of a translation', () => {
  it('changes with the words of the original, not with white space at line ends or the rest of the front matter', () => {
    const base = originalHash('---\ntags: [a]\n---\n\nفقرة.\n', fields);
    expect(originalHash('---\ntags: [a, b]\ndate: 2026-11-29\n---\n\nفقرة.   \n\n', fields)).toBe(base);
    expect(originalHash('---\n---\n\nفقرة أخرى.\n', fields)).not.toBe(base);
    expect(originalHash('---\n---\n\nفقرة.\n', { ...fields, title: 'عنوان جديد' })).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{12}$/);
  });

  it('is written after translatedFrom, then replaced in place, leaving every other line alone', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'hash-')), 'en.mdx');
    writeFileSync(file, '---\ntitle: T\ntranslatedFrom: ar\nsource:\n  name: S\n---\n\nText.\n');
    expect(writeOriginalHash(file, 'aaaaaaaaaaaa')).toEqual({ previous: null });
    expect(readFileSync(file, 'utf8')).toBe('---\ntitle: T\ntranslatedFrom: ar\noriginalHash: "aaaaaaaaaaaa"\nsource:\n  name: S\n---\n\nText.\n');
    expect(writeOriginalHash(file, '012345678901')).toEqual({ previous: 'aaaaaaaaaaaa' });
    expect(readFileSync(file, 'utf8')).toBe('---\ntitle: T\ntranslatedFrom: ar\noriginalHash: "012345678901"\nsource:\n  name: S\n---\n\nText.\n');
  });
});
