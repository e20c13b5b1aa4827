import { laterPages, pageParam, paginate } from './paginate';

const items = Array.from({ length: 45 }, (_, i) => i + 1);

describe('paginate', () => {
  it('cuts pages of 20 and knows how many there are', () => {
    expect(paginate(items, 1, 20)).toEqual({ items: items.slice(0, 20), page: 1, totalPages: 3 });
    expect(paginate(items, 3, 20)?.items).toEqual([41, 42, 43, 44, 45]);
  });

  it('has no page past the last, before the first, or between whole numbers', () => {
    expect(paginate(items, 4, 20)).toBeUndefined();
    expect(paginate(items, 0, 20)).toBeUndefined();
    expect(paginate(items, 1.5, 20)).toBeUndefined();
  });

  it('gives an empty listing one page', () => {
    expect(paginate([], 1, 20)).toEqual({ items: [], page: 1, totalPages: 1 });
  });

  it('lists the later pages as route params', () => {
    expect(laterPages(45, 20)).toEqual(['2', '3']);
    expect(laterPages(20, 20)).toEqual([]);
  });
});

describe('pageParam', () => {
  it('reads the one way of writing each page number, and nothing else', () => {
    expect(pageParam('2')).toBe(2);
    expect(pageParam('120')).toBe(120);
    for (const other of ['02', '2.0', '0', '-1', '', 'two', '2 ', '1e1']) {
      expect(pageParam(other)).toBeNaN();
    }
  });
});
