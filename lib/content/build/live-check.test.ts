import type { UpdateBlock } from '../mdx/live-entries';
import { formatFinding } from './findings';
import { CLOCK_SLACK_MS, liveFindings, updatesOutsideArticles } from './live-check';

const NOW = Date.parse('2026-12-07T12:00:00Z');

const entry = (line: number, time: string | null, over: Partial<UpdateBlock> = {}) => ({
  line,
  time,
  keyEvent: false,
  pinned: false,
  ...over,
});

const check = (data: Record<string, unknown>, updates: UpdateBlock[]) =>
  liveFindings('content/articles/storm.mdx', { data, lines: { liveEnded: 9 }, updates }, NOW).map(
    formatFinding,
  );

describe('liveFindings', () => {
  it('accepts a running story, an ended one, and a live story with no entry yet', () => {
    const updates = [
      entry(20, '2026-12-07T11:00:00.000Z', { pinned: true }),
      entry(12, '2026-12-07T09:00:00.000Z', { keyEvent: true }),
    ];
    expect(check({ live: true }, updates)).toEqual([]);
    expect(check({ live: true, liveEnded: '2026-12-07T11:30:00Z' }, updates)).toEqual([]);
    // Once over, `live: true` may stay or go.
    expect(check({ liveEnded: '2026-12-07T11:30:00Z' }, updates)).toEqual([]);
    expect(check({ live: true }, [])).toEqual([]);
    expect(check({}, [])).toEqual([]);
  });

  it.each([
    ['no live field', {}],
    ['live: false', { live: false }],
    ['a liveEnded that is not a time (the schema names it)', { liveEnded: 'yesterday' }],
  ])('refuses entries in a story with %s, once, at the first entry', (_, data) => {
    expect(check(data, [entry(12, '2026-12-07T09:00:00.000Z'), entry(14, null)])).toEqual([
      'content/articles/storm.mdx:12  body  <Update> is for live stories, and this one is not live — add live: true to the frontmatter while the event runs (and liveEnded: 2026-12-07T09:30:00Z once it is over), or remove the <Update> tags',
    ]);
  });

  it('names every pinned entry after the first', () => {
    const pinned = { pinned: true };
    expect(
      check({ live: true }, [
        entry(11, '2026-12-07T09:00:00.000Z', pinned),
        entry(13, '2026-12-07T09:10:00.000Z', pinned),
        entry(15, '2026-12-07T09:20:00.000Z', pinned),
      ]),
    ).toEqual([
      'content/articles/storm.mdx:13  body  <Update> pinned: a second pinned entry (the first is at line 11) — pin one entry at most: remove pinned from all but one',
      'content/articles/storm.mdx:15  body  <Update> pinned: a second pinned entry (the first is at line 11) — pin one entry at most: remove pinned from all but one',
    ]);
  });

  it('refuses two entries at one moment, which would share an address', () => {
    expect(
      check({ live: true }, [
        entry(11, '2026-12-07T09:00:00.000Z'),
        entry(13, '2026-12-07T09:00:15.000Z'),
        entry(15, '2026-12-07T09:00:00.000Z'),
      ]),
    ).toEqual([
      'content/articles/storm.mdx:15  body  <Update> time: 2026-12-07T09:00:00Z is the moment of the entry at line 11 too, so both would be #update-20261207t0900z — give each entry its own time, to the second if need be (09:30:15Z)',
    ]);
  });

  it('refuses an entry ahead of the build’s clock by more than a minute or two', () => {
    const inSlack = new Date(NOW + CLOCK_SLACK_MS).toISOString();
    const beyond = new Date(NOW + CLOCK_SLACK_MS + 1000).toISOString();
    expect(check({ live: true }, [entry(11, inSlack)])).toEqual([]);
    expect(check({ live: true }, [entry(11, beyond)])).toEqual([
      'content/articles/storm.mdx:11  body  <Update> time: 2026-12-07T12:02:01Z is in the future — an entry shows as soon as it is published: write the time it happened, and publish it then',
    ]);
  });

  it('refuses an end before the first entry, and one still to come', () => {
    const updates = [entry(14, '2026-12-07T10:00:00.000Z'), entry(11, '2026-12-07T09:00:00.000Z')];
    expect(check({ live: true, liveEnded: '2026-12-07T09:30:00+01:00' }, updates)).toEqual([
      'content/articles/storm.mdx:9  liveEnded  2026-12-07T08:30:00Z is before the first entry (2026-12-07T09:00:00Z, line 11) — write the moment coverage ended, after the entries',
    ]);
    expect(check({ live: true, liveEnded: '2026-12-08T00:00:00Z' }, updates)).toEqual([
      'content/articles/storm.mdx:9  liveEnded  2026-12-08T00:00:00Z is in the future — add liveEnded once coverage is over, with the moment it ended',
    ]);
  });

  it('leaves an entry whose time is missing or malformed to the MDX check', () => {
    expect(check({ live: true }, [entry(11, null, { pinned: true }), entry(13, null)])).toEqual([]);
  });
});

describe('updatesOutsideArticles', () => {
  it('refuses an entry in a page or an author’s bio', () => {
    expect(
      updatesOutsideArticles('content/pages/about.mdx', {
        updates: [entry(7, '2026-12-07T09:00:00.000Z'), entry(9, null)],
      }).map(formatFinding),
    ).toEqual([
      'content/pages/about.mdx:7  body  <Update> is for live stories, which are articles — remove the <Update> tags, or write the story as an article in content/articles/',
    ]);
    expect(updatesOutsideArticles('content/pages/about.mdx', { updates: [] })).toEqual([]);
  });
});
