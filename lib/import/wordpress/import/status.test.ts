import { datesOf, dispositionOf } from './status';

const item = (status: string, postPassword = '') => ({ status, postPassword });

describe('dispositionOf', () => {
  it.each([
    ['publish', 'live'],
    ['future', 'scheduled'],
    ['draft', 'draft'],
    ['pending', 'draft'],
    ['private', 'draft'],
    ['trash', 'skipped'],
    ['auto-draft', 'skipped'],
    ['a-plugins-own-status', 'draft'],
  ])('%s → %s', (status, kind) => {
    expect(dispositionOf(item(status)).kind).toBe(kind);
  });

  it('keeps a password-protected post from going public, and says why', () => {
    const protectedPost = dispositionOf(item('publish', 'enter'));
    expect(protectedPost).toEqual({ kind: 'draft', lost: expect.stringMatching(/password/) });
    expect(dispositionOf(item('future', 'x')).kind).toBe('draft');
  });

  it('reports private posts and unknown statuses, not ordinary drafts', () => {
    expect(dispositionOf(item('draft'))).toEqual({ kind: 'draft', lost: null });
    expect(dispositionOf(item('private'))).toMatchObject({
      lost: expect.stringMatching(/private/),
    });
    expect(dispositionOf(item('archived'))).toMatchObject({
      lost: expect.stringMatching(/archived/),
    });
  });
});

describe('datesOf', () => {
  const now = new Date('2026-05-01T12:00:00.000Z');
  const base = {
    postDateGmt: '2019-05-03 10:20:00',
    postDate: '2019-05-03 12:20:00',
    pubDate: 'Fri, 03 May 2019 10:20:00 +0000',
    postModifiedGmt: null,
    status: 'publish',
  };

  it('dates an article from post_date_gmt, in UTC', () => {
    expect(datesOf(base, now)).toEqual({ date: '2019-05-03T10:20:00Z', lost: null });
  });

  it('gives updated only when the modification is later', () => {
    expect(datesOf({ ...base, postModifiedGmt: '2020-01-01 00:00:00' }, now).updated).toBe(
      '2020-01-01T00:00:00Z',
    );
    expect(
      datesOf({ ...base, postModifiedGmt: '2019-01-01 00:00:00' }, now).updated,
    ).toBeUndefined();
  });

  it('keeps a scheduled post’s future date', () => {
    expect(
      datesOf({ ...base, postDateGmt: '2030-01-01 19:00:18', status: 'future' }, now).date,
    ).toBe('2030-01-01T19:00:18Z');
  });

  it('falls back to the local date for a draft, then pubDate, then the import, saying so', () => {
    expect(datesOf({ ...base, postDateGmt: null, status: 'draft' }, now)).toEqual({
      date: '2019-05-03T12:20:00',
      lost: null,
    });
    expect(datesOf({ ...base, postDateGmt: null }, now).lost).toMatch(/GMT/);
    expect(datesOf({ ...base, postDateGmt: null, postDate: null }, now).date).toBe(
      '2019-05-03T10:20:00.000Z',
    );
    const none = datesOf({ ...base, postDateGmt: null, postDate: null, pubDate: '' }, now);
    expect(none).toEqual({ date: '2026-05-01T12:00:00Z', lost: expect.stringMatching(/no date/) });
  });
});
