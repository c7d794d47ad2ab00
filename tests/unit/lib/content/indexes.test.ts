import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLocaleIndex } from '@/lib/content/indexes';
import { loadStories, type ArticleVersion, type Story } from '@/lib/content/load';
import type { Section } from '@/lib/content/sections';

function version(slug: string, date: string, section: Section, tags: string[]): ArticleVersion {
  return {
    slug,
    locale: 'en',
    file: `/content/articles/${slug}/en.mdx`,
    relativePath: `content/articles/${slug}/en.mdx`,
    dir: `/content/articles/${slug}`,
    wordCount: 100,
    corrections: [],
    contentHash: '000000000000',
    images: [],
    frontmatter: {
      title: slug,
      summary: slug,
      date,
      section,
      tags,
      location: 'Doha',
      author: 'Desk',
      source: { name: 'Sada' },
      draft: false,
      corrections: [],
    },
  };
}

const stories = (versions: ArticleVersion[]): Story[] => versions.map((v) => ({ slug: v.slug, versions: { en: v } }));
const slugs = (versions: ArticleVersion[]) => versions.map((v) => v.slug);

describe('locale index', () => {
  const index = buildLocaleIndex(
    stories([
      version('a-world-old', '2026-01-01', 'world', ['qatar']),
      version('b-world-new', '2026-03-01', 'world', []),
      version('c-economy-qatar', '2026-02-01', 'economy', ['qatar']),
      version('d-economy-other', '2026-04-01', 'economy', ['united-nations']),
      version('e-culture-qatar-un', '2026-05-01', 'culture', ['qatar', 'united-nations']),
      version('f-same-day', '2026-03-01', 'world', []),
    ]),
    'en',
  );

  it('lists stories newest first, the same day ordered by slug', () => {
    expect(slugs(index.stories)).toEqual([
      'e-culture-qatar-un',
      'd-economy-other',
      'b-world-new',
      'f-same-day',
      'c-economy-qatar',
      'a-world-old',
    ]);
  });

  it('groups stories by section and by tag, newest first', () => {
    expect(slugs(index.bySection.get('world')!)).toEqual(['b-world-new', 'f-same-day', 'a-world-old']);
    expect(slugs(index.byTag.get('qatar')!)).toEqual(['e-culture-qatar-un', 'c-economy-qatar', 'a-world-old']);
    expect(index.bySection.has('politics')).toBe(false);
  });

  it('relates stories of the same section or sharing a tag, newest first, never the story itself', () => {
    expect(slugs(index.related('a-world-old', 10))).toEqual(['e-culture-qatar-un', 'b-world-new', 'f-same-day', 'c-economy-qatar']);
    expect(slugs(index.related('d-economy-other', 10))).toEqual(['e-culture-qatar-un', 'c-economy-qatar']);
    expect(slugs(index.related('a-world-old', 2))).toEqual(['e-culture-qatar-un', 'b-world-new']);
    for (const story of index.stories) expect(slugs(index.related(story.slug, 10))).not.toContain(story.slug);
  });

  it('names the missing story when asked for the related stories of an unknown one', () => {
    expect(() => index.related('nope')).toThrow(/No en story "nope"/);
  });

  it('finds related stories of 5,000 stories without scanning them per story', () => {
    const sections: Section[] = ['world', 'economy', 'politics', 'culture'];
    const tags = ['qatar', 'united-nations', 'migrant-workers', 'human-trafficking'];
    const many = Array.from({ length: 5000 }, (_, i) =>
      version(`story-${i}`, `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, sections[i % 4], [tags[i % 4], tags[(i + 1) % 4]]),
    );
    const started = performance.now();
    const big = buildLocaleIndex(stories(many), 'en');
    for (const story of many) big.related(story.slug);
    const elapsed = performance.now() - started;
    // Index plus 5,000 lookups: a per-story scan would be 25 million comparisons.
    expect(elapsed).toBeLessThan(2000);
    const sample = big.related('story-7');
    expect(sample).toHaveLength(4);
    expect(sample.every((other) => other.frontmatter.section === 'politics' || other.frontmatter.tags.some((tag) => ['migrant-workers', 'human-trafficking'].includes(tag)))).toBe(true);
  });

  it('indexes the real content: the first story has no related story of its own language yet', () => {
    const real = buildLocaleIndex(loadStories(path.join(process.cwd(), 'content')), 'ar');
    expect(real.bySlug.has('qatar-anti-trafficking-centre')).toBe(true);
    expect(slugs(real.related('qatar-anti-trafficking-centre'))).not.toContain('qatar-anti-trafficking-centre');
  });
});
