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

  it('compares moments, not text, when times carry different offsets', () => {
    const story = testArticle('storm', {
      date: '2026-12-07T06:00:00.000Z',
      liveBlog: {
        entries: [
          // 08:00 UTC: after 09:30Z in the alphabet.
          { id: 'update-20261207t0800z', time: '2026-12-07T10:00:00+02:00' },
          { id: 'update-20261207t0930z', time: '2026-12-07T09:30:00Z' },
        ],
      },
    });
    expect(dateModified(story)).toBe('2026-12-07T09:30:00Z');
  });
});
