import type { LiveEntry } from '../schema/types';
import { arrangeEntries, livePageHref, liveView, pagedEntryCount } from './arrange';

/** Entry n at 09:00 + n minutes; later entries are newer. */
const entry = (n: number, over: Partial<LiveEntry> = {}): LiveEntry => {
  const minute = String(n).padStart(2, '0');
  return {
    id: `update-20261207t09${minute}z`,
    time: `2026-12-07T09:${minute}:00.000Z`,
    ...over,
  };
};

const story = (entries: LiveEntry[]) => ({ url: '/world/storm', liveBlog: { entries } });
const ids = (entries: LiveEntry[] | undefined) => entries?.map((e) => e.id.slice(-5));

describe('arrangeEntries', () => {
  it('takes the pinned entry out and orders the rest newest first, whatever the index order', () => {
    const { pinned, others } = arrangeEntries([
      entry(1),
      entry(3, { pinned: true }),
      entry(2),
      entry(4),
    ]);
    expect(pinned?.id).toBe('update-20261207t0903z');
    expect(ids(others)).toEqual(['0904z', '0902z', '0901z']);
  });

  it('pins only the newest of two pinned entries in stored data, and shows each entry once', () => {
    const { pinned, others } = arrangeEntries([
      entry(1, { pinned: true }),
      entry(2, { pinned: true }),
    ]);
    expect(pinned?.id).toBe('update-20261207t0902z');
    expect(ids(others)).toEqual(['0901z']);
  });

  it('orders by the moment when stored times carry different offsets', () => {
    // 11:04 at +02:00 is 09:04 UTC and 08:02 at -01:00 is 09:02 UTC.
    const { others } = arrangeEntries([
      entry(1),
      entry(4, { time: '2026-12-07T11:04:00+02:00' }),
      entry(2, { time: '2026-12-07T08:02:00-01:00' }),
      entry(3),
    ]);
    expect(ids(others)).toEqual(['0904z', '0903z', '0902z', '0901z']);
  });
});

describe('liveView', () => {
  // 7 entries, 3 a page: the pinned one (entry 3) on page 1 above six others, 3 + 3.
  const entries = [1, 2, 3, 4, 5, 6, 7].map((n) =>
    entry(n, {
      ...(n === 3 ? { pinned: true as const } : {}),
      ...(n % 2 === 1 ? { keyEvent: true as const } : {}),
    }),
  );

  it('puts the pinned entry above the newest on the first page only', () => {
    const first = liveView(story(entries), 1, 3);
    expect(first?.page.pinned?.id).toBe('update-20261207t0903z');
    expect(ids(first?.page.items)).toEqual(['0907z', '0906z', '0905z']);
    expect(first?.page.totalPages).toBe(2);
    const second = liveView(story(entries), 2, 3);
    expect(second?.page.pinned).toBeUndefined();
    expect(ids(second?.page.items)).toEqual(['0904z', '0902z', '0901z']);
  });

  it('links each key event to the page its entry is on now', () => {
    expect(liveView(story(entries), 2, 3)?.keyEvents.map((k) => k.href)).toEqual([
      '/world/storm#update-20261207t0907z',
      '/world/storm#update-20261207t0905z',
      '/world/storm#update-20261207t0903z', // pinned: always on the first page
      '/world/storm/page/2#update-20261207t0901z',
    ]);
  });

  it('knows the latest entry, pinned or not', () => {
    expect(liveView(story(entries), 1, 3)?.latest?.id).toBe('update-20261207t0907z');
    expect(liveView(story([entry(1), entry(9, { pinned: true })]), 1, 3)?.latest?.id).toBe(
      'update-20261207t0909z',
    );
  });

  it.each([0, 3, -1, 1.5, Number.NaN])('has no page %s', (page) => {
    expect(liveView(story(entries), page, 3)).toBeUndefined();
  });

  it('is nothing for an article that is not live', () => {
    expect(liveView({ url: '/world/storm' }, 1, 20)).toBeUndefined();
  });

  it('has one empty page before the first entry', () => {
    expect(liveView(story([]), 1, 20)).toEqual({
      page: { items: [], page: 1, totalPages: 1 },
      keyEvents: [],
    });
    expect(liveView(story([]), 2, 20)).toBeUndefined();
  });

  it('counts what is paginated', () => {
    expect(pagedEntryCount({ entries })).toBe(6);
    expect(livePageHref('/world/storm', 1)).toBe('/world/storm');
    expect(livePageHref('/world/storm', 3)).toBe('/world/storm/page/3');
  });
});
