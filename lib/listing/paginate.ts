/**
 * Pagination of a listing (section, tag): which items a page shows and which page numbers
 * its navigation offers. Pure functions, so the rules are tested without rendering.
 */

export type PageOf<T> = {
  /** 1-based number of this page. */
  page: number;
  totalPages: number;
  items: T[];
};

/** How many pages `count` items fill; an empty listing still has its first page. */
export function pageCount(count: number, size: number): number {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, found ${size}`);
  return Math.max(1, Math.ceil(count / size));
}

export function paginate<T>(items: readonly T[], page: number, size: number): PageOf<T> {
  const totalPages = pageCount(items.length, size);
  if (!Number.isInteger(page) || page < 1 || page > totalPages) {
    throw new RangeError(`page ${page} does not exist: the listing has ${totalPages} page(s)`);
  }
  return { page, totalPages, items: items.slice((page - 1) * size, page * size) };
}

/** A numbered link, or a gap standing for the pages left out between two numbers. */
export type PageLink = { kind: 'page'; page: number } | { kind: 'gap'; key: string };

/**
 * The page numbers the navigation shows: the first and last page, and `around` pages on each
 * side of the current one, with gaps where numbers are left out. A gap never hides a single
 * page (that page is shown instead), so a gap always saves space.
 */
export function pageLinks(current: number, totalPages: number, around = 2): PageLink[] {
  const shown = new Set<number>([1, totalPages]);
  for (let page = current - around; page <= current + around; page += 1) {
    if (page >= 1 && page <= totalPages) shown.add(page);
  }
  const numbers = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  numbers.forEach((page, index) => {
    const previous = numbers[index - 1];
    if (previous !== undefined && page - previous === 2) links.push({ kind: 'page', page: previous + 1 });
    else if (previous !== undefined && page - previous > 2) links.push({ kind: 'gap', key: `${previous}-${page}` });
    links.push({ kind: 'page', page });
  });
  return links;
}

/**
 * The page a catch-all route segment names: none for the first page, `['page', 'N']` for
 * page N >= 2 (no leading zeros, no `page/1/`, which would duplicate the first page).
 * Returns null for anything else, which the route answers with 404.
 */
export function parsePageSegments(segments: readonly string[] | undefined): number | null {
  if (!segments || segments.length === 0) return 1;
  if (segments.length !== 2 || segments[0] !== 'page' || !/^[1-9]\d*$/.test(segments[1])) return null;
  const page = Number(segments[1]);
  return page >= 2 ? page : null;
}

/** The catch-all segments of page `page`, the inverse of parsePageSegments. */
export function pageSegments(page: number): string[] {
  return page > 1 ? ['page', String(page)] : [];
}
