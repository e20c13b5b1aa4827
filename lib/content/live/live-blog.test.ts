import type { UpdateBlock } from '../mdx/live-entries';
import { liveBlogOf } from './live-blog';

const block = (line: number, time: string | null, over: Partial<UpdateBlock> = {}) => ({
  line,
  time,
  keyEvent: false,
  pinned: false,
  ...over,
});

describe('liveBlogOf', () => {
  const updates = [
    block(11, '2026-12-07T09:00:00.000Z', { title: 'Delegations arrive', pinned: true }),
    block(15, '2026-12-07T09:30:00.000Z', { keyEvent: true, text: 'A statement is near.' }),
    block(19, null),
  ];

  it('is nothing for an ordinary article', () => {
    expect(liveBlogOf({}, [])).toBeUndefined();
    expect(liveBlogOf({ live: false }, updates)).toBeUndefined();
  });

  it('keeps each entry with its address, newest first, and nothing an entry does not say', () => {
    expect(liveBlogOf({ live: true }, updates)).toEqual({
      entries: [
        {
          id: 'update-20261207t0930z',
          time: '2026-12-07T09:30:00.000Z',
          keyEvent: true,
          text: 'A statement is near.',
        },
        {
          id: 'update-20261207t0900z',
          time: '2026-12-07T09:00:00.000Z',
          title: 'Delegations arrive',
          pinned: true,
        },
      ],
    });
  });

  it('says when coverage ended, in the index’s form, with or without live: true', () => {
    expect(liveBlogOf({ liveEnded: '2026-12-07T18:00:00+01:00' }, [])).toEqual({
      ended: '2026-12-07T17:00:00.000Z',
      entries: [],
    });
    expect(liveBlogOf({ live: true, liveEnded: '2026-12-07T17:00:00Z' }, [])?.ended).toBe(
      '2026-12-07T17:00:00.000Z',
    );
  });
});
