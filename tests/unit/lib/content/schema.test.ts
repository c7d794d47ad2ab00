import { describe, expect, it } from 'vitest';
import { frontmatterSchema, isRealIsoDate } from '@/lib/content/schema';

const valid = {
  title: 'A title',
  summary: 'A summary.',
  date: '2026-11-28',
  section: 'human-rights',
  tags: ['qatar'],
  location: 'Doha',
  author: 'News desk',
  source: { name: 'Sada' },
};

function problemsOf(input: unknown) {
  const result = frontmatterSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('front matter schema', () => {
  it('accepts a complete story and fills defaults', () => {
    const parsed = frontmatterSchema.parse(valid);
    expect(parsed.draft).toBe(false);
    expect(parsed.corrections).toEqual([]);
  });

  it('normalises a Date to YYYY-MM-DD (what some YAML parsers make of an unquoted date)', () => {
    expect(frontmatterSchema.parse({ ...valid, date: new Date(Date.UTC(2026, 10, 28)) }).date).toBe('2026-11-28');
  });

  it.each([
    ['title', { ...valid, title: undefined }, 'title: is required'],
    ['empty title', { ...valid, title: '   ' }, 'title: must not be empty'],
    ['summary', { ...valid, summary: 42 }, 'summary: must be text, found the number 42'],
    ['location', { ...valid, location: undefined }, 'location: is required'],
    ['author', { ...valid, author: '' }, 'author: must not be empty'],
    ['source', { ...valid, source: undefined }, 'source: is required'],
    ['source name', { ...valid, source: { url: 'https://example.org' } }, 'source.name: is required'],
    ['source url', { ...valid, source: { name: 'X', url: 'example.org' } }, 'source.url: must be a full web address starting with https://, found "example.org"'],
  ])('rejects a missing or empty %s', (_label, input, message) => {
    expect(problemsOf(input)).toContain(message);
  });

  it('rejects dates that are not real YYYY-MM-DD dates', () => {
    expect(problemsOf({ ...valid, date: '2026-02-30' })).toEqual(['date: must be a real date written YYYY-MM-DD, found "2026-02-30"']);
    expect(problemsOf({ ...valid, date: '28/11/2026' })).toEqual(['date: must be a real date written YYYY-MM-DD, found "28/11/2026"']);
    expect(problemsOf({ ...valid, date: undefined })).toEqual(['date: is required']);
  });

  it('rejects an update dated before publication', () => {
    expect(problemsOf({ ...valid, updated: '2026-11-01' })).toEqual([
      'updated: must not be before the publication date 2026-11-28, found 2026-11-01',
    ]);
  });

  it('rejects an unknown section', () => {
    expect(problemsOf({ ...valid, section: 'sports' })).toEqual(['section: "sports" is not a section']);
  });

  it('rejects malformed and repeated tags', () => {
    expect(problemsOf({ ...valid, tags: ['Human Rights'] })).toEqual([
      'tags.0: tag "Human Rights" must be lowercase ASCII words joined by hyphens, for example "human-rights"',
    ]);
    expect(problemsOf({ ...valid, tags: 'qatar' })).toEqual(['tags: must be a list of tags, for example [human-rights, qatar]']);
    expect(problemsOf({ ...valid, tags: ['qatar', 'qatar'] })).toEqual(['tags: lists the same tag twice']);
  });

  it('rejects an unknown translation source and unknown fields', () => {
    expect(problemsOf({ ...valid, translatedFrom: 'fr' })).toEqual(['translatedFrom: must be one of ar, en, found "fr"']);
    const result = frontmatterSchema.safeParse({ ...valid, titel: 'typo' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['titel'] });
  });

  it('asks for quotes around a translation hash that YAML read as a number', () => {
    // `originalHash: 549574965045` unquoted is a number to YAML; the editor is told how to write it.
    expect(problemsOf({ ...valid, translatedFrom: 'ar', originalHash: 549574965045 })).toEqual([
      'originalHash: must be the 12-character hash in quotes, as npm run check -- --fix-translation-hash writes it (originalHash: "…")',
    ]);
    expect(problemsOf({ ...valid, translatedFrom: 'ar', originalHash: '549574965045' })).toEqual([]);
  });

  it('knows real dates', () => {
    expect(isRealIsoDate('2028-02-29')).toBe(true);
    expect(isRealIsoDate('2026-02-29')).toBe(false);
    expect(isRealIsoDate('2026-13-01')).toBe(false);
  });
});
