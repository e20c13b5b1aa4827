import { testArticle } from '@/test/support/article-meta';
import { byNewest, stickyFirst } from './sort';

const story = (slug: string, date: string, sticky = false) =>
  testArticle(slug, { date, ...(sticky ? { sticky: true as const } : {}) });

describe('stickyFirst', () => {
  const newestFirst = [
    story('today', '2026-05-03T00:00:00.000Z'),
    story('yesterday', '2026-05-02T00:00:00.000Z', true),
    story('last-week', '2026-04-26T00:00:00.000Z'),
    story('last-year', '2025-05-01T00:00:00.000Z', true),
  ].sort(byNewest);

  it('puts sticky stories first, newest first, then the rest by date', () => {
    expect(stickyFirst(newestFirst, 10).map((a) => a.slug)).toEqual([
      'yesterday',
      'last-year',
      'today',
      'last-week',
    ]);
  });

  it('keeps to the limit, sticky stories taking their places first', () => {
    expect(stickyFirst(newestFirst, 3).map((a) => a.slug)).toEqual([
      'yesterday',
      'last-year',
      'today',
    ]);
    expect(stickyFirst(newestFirst, 1).map((a) => a.slug)).toEqual(['yesterday']);
  });

  it('is the date order when nothing is sticky', () => {
    const plain = newestFirst.map((a) => ({ ...a, sticky: undefined }));
    expect(stickyFirst(plain, 3).map((a) => a.slug)).toEqual(['today', 'yesterday', 'last-week']);
  });
});
