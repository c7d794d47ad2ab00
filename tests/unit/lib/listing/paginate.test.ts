import { describe, expect, it } from 'vitest';
import { pageCount, pageLinks, pageSegments, paginate, parsePageSegments } from '@/lib/listing/paginate';

const numbers = (links: ReturnType<typeof pageLinks>) => links.map((link) => (link.kind === 'page' ? link.page : '…'));

describe('pagination', () => {
  it('splits a listing into pages of the given size, the last one partial', () => {
    const items = Array.from({ length: 23 }, (_, index) => index + 1);
    expect(pageCount(items.length, 10)).toBe(3);
    expect(paginate(items, 1, 10).items).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(paginate(items, 3, 10)).toEqual({ page: 3, totalPages: 3, items: [21, 22, 23] });
  });

  it('gives an empty listing one (empty) page and refuses pages that do not exist', () => {
    expect(paginate([], 1, 10)).toEqual({ page: 1, totalPages: 1, items: [] });
    expect(() => paginate([1, 2], 2, 10)).toThrow(/page 2 does not exist: the listing has 1 page/);
    expect(() => paginate([1], 0, 10)).toThrow(RangeError);
    expect(() => pageCount(5, 0)).toThrow(/page size must be a positive integer/);
  });

  it('shows every page number of a short listing', () => {
    expect(numbers(pageLinks(2, 5))).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the first, the last and two pages on each side of the current one in a long listing', () => {
    expect(numbers(pageLinks(1, 50))).toEqual([1, 2, 3, '…', 50]);
    expect(numbers(pageLinks(25, 50))).toEqual([1, '…', 23, 24, 25, 26, 27, '…', 50]);
    expect(numbers(pageLinks(50, 50))).toEqual([1, '…', 48, 49, 50]);
  });

  it('never hides a single page behind a gap', () => {
    expect(numbers(pageLinks(5, 10))).toEqual([1, 2, 3, 4, 5, 6, 7, '…', 10]);
  });

  it('reads page/N/ route segments and rejects duplicates of the first page and malformed numbers', () => {
    expect(parsePageSegments(undefined)).toBe(1);
    expect(parsePageSegments([])).toBe(1);
    expect(parsePageSegments(['page', '2'])).toBe(2);
    expect(parsePageSegments(['page', '1'])).toBeNull();
    expect(parsePageSegments(['page', '02'])).toBeNull();
    expect(parsePageSegments(['page', 'two'])).toBeNull();
    expect(parsePageSegments(['pages', '2'])).toBeNull();
    expect(parsePageSegments(['page', '2', 'x'])).toBeNull();
    for (const page of [1, 2, 17]) expect(parsePageSegments(pageSegments(page))).toBe(page);
  });
});
