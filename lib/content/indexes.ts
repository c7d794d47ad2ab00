import type { Locale } from '@/i18n/locales';
import { relatedCount } from '../config';
import { loadStories, type ArticleVersion, type Story } from './load';
import type { Section } from './sections';

/**
 * Indexes over the published stories of one language, built once per set of loaded stories
 * and shared by every page of a build: listings, related stories, feeds and the sitemap read
 * them instead of scanning all stories per page (a build of 5,000 stories renders 10,000
 * story pages).
 */
export type LocaleIndex = {
  locale: Locale;
  /** Every public version in the language, newest first (ties broken by slug). */
  stories: ArticleVersion[];
  bySlug: Map<string, ArticleVersion>;
  /** Stories of each section that has any, newest first. */
  bySection: Map<Section, ArticleVersion[]>;
  /** Stories carrying each tag that is used, newest first. */
  byTag: Map<string, ArticleVersion[]>;
  /** Stories in the same section or sharing a tag with `slug`, newest first, never itself. */
  related: (slug: string, limit?: number) => ArticleVersion[];
};

/** Newest first; the same date is ordered by slug so every build lists stories identically. */
export function newestFirst(a: ArticleVersion, b: ArticleVersion): number {
  return b.frontmatter.date.localeCompare(a.frontmatter.date) || a.slug.localeCompare(b.slug);
}

export function buildLocaleIndex(stories: readonly Story[], locale: Locale): LocaleIndex {
  const ordered = stories.flatMap((story) => (story.versions[locale] ? [story.versions[locale]] : [])).sort(newestFirst);
  const rank = new Map<string, number>();
  const bySlug = new Map<string, ArticleVersion>();
  const bySection = new Map<Section, ArticleVersion[]>();
  const byTag = new Map<string, ArticleVersion[]>();
  ordered.forEach((version, position) => {
    rank.set(version.slug, position);
    bySlug.set(version.slug, version);
    push(bySection, version.frontmatter.section, version);
    for (const tag of version.frontmatter.tags) push(byTag, tag, version);
  });

  const relatedCache = new Map<string, ArticleVersion[]>();
  const related = (slug: string, limit = relatedCount): ArticleVersion[] => {
    const key = `${slug}\0${limit}`;
    const cached = relatedCache.get(key);
    if (cached) return cached;
    const version = bySlug.get(slug);
    if (!version) throw new Error(`No ${locale} story "${slug}" to find related stories for`);
    const lists = [bySection.get(version.frontmatter.section) ?? [], ...version.frontmatter.tags.map((tag) => byTag.get(tag) ?? [])];
    const result = mergeNewestFirst(lists, rank, limit, slug);
    relatedCache.set(key, result);
    return result;
  };

  return { locale, stories: ordered, bySlug, bySection, byTag, related };
}

/**
 * Merges lists that are each in index order into one list without duplicates, skipping
 * `exclude`, and stops after `limit` items: the cost grows with `limit` and the number of
 * lists, not with the size of a large section.
 */
function mergeNewestFirst(
  lists: ArticleVersion[][],
  rank: Map<string, number>,
  limit: number,
  exclude: string,
): ArticleVersion[] {
  const heads = lists.map(() => 0);
  const seen = new Set<string>([exclude]);
  const result: ArticleVersion[] = [];
  while (result.length < limit) {
    let best = -1;
    let bestRank = Infinity;
    lists.forEach((list, index) => {
      // Advance past entries already taken (or the story itself) before comparing heads.
      while (heads[index] < list.length && seen.has(list[heads[index]].slug)) heads[index] += 1;
      const head = list[heads[index]];
      if (head && rank.get(head.slug)! < bestRank) {
        best = index;
        bestRank = rank.get(head.slug)!;
      }
    });
    if (best === -1) break;
    const next = lists[best][heads[best]];
    seen.add(next.slug);
    result.push(next);
  }
  return result;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const indexes = new WeakMap<readonly Story[], Map<Locale, LocaleIndex>>();

/**
 * The index of the stories loaded for this process (memoised with them: in development,
 * where stories are re-read on every request, the index is rebuilt with them).
 */
export function localeIndex(locale: Locale, stories: readonly Story[] = loadStories()): LocaleIndex {
  let byLocale = indexes.get(stories);
  if (!byLocale) {
    byLocale = new Map();
    indexes.set(stories, byLocale);
  }
  let index = byLocale.get(locale);
  if (!index) {
    index = buildLocaleIndex(stories, locale);
    byLocale.set(locale, index);
  }
  return index;
}
