import { testArticle } from '@/test/support/article-meta';
import { dateModified } from './modified';

describe('dateModified', () => {
  it('is a live story’s newest entry when that is the latest change', () => {
    const story = testArticle('storm', {
      date: '2026-12-07T06:00:00.000Z',
      updated: '2026-12-07T07:00:00.000Z',
      liveBlog: {
        entries: [
          { id: 'update-20261207t0800z', time: '2026-12-07T08:00:00.000Z' },
          { id: 'update-20261207t0930z', time: '2026-12-07T09:30:00.000Z', pinned: true },
        ],
      },
    });
    expect(dateModified(story)).toBe('2026-12-07T09:30:00.000Z');
    expect(dateModified({ ...story, liveBlog: { entries: [] } })).toBe('2026-12-07T07:00:00.000Z');
  });
});
