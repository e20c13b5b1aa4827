import { articleSchema } from './frontmatter';

const schema = articleSchema({
  sections: ['world'],
  authors: ['omar'],
  slugs: [],
  publicFileExists: () => true,
});

const story = (over: Record<string, unknown>) => ({
  title: 'Storm live',
  dek: 'As it happens.',
  date: '2026-12-06T06:00:00Z',
  section: 'world',
  author: 'omar',
  ...over,
});

const messages = (over: Record<string, unknown>) => {
  const parsed = schema.safeParse(story(over));
  return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('a live story’s frontmatter', () => {
  it('takes live: true while the event runs, and liveEnded once it is over', () => {
    expect(schema.parse(story({ live: true }))).toMatchObject({ live: true });
    expect(
      schema.parse(story({ live: true, liveEnded: '2026-12-06T21:00:00+01:00' })),
    ).toMatchObject({ live: true, liveEnded: '2026-12-06T21:00:00+01:00' });
    // An ordinary article says neither.
    expect(schema.parse(story({}))).not.toHaveProperty('live');
  });

  it.each([
    [
      '"yes" for live',
      { live: 'yes' },
      'live',
      '"yes" is not true or false — write live: true while the event runs, or remove the line',
    ],
    [
      'a date without a time',
      { liveEnded: '2026-12-06' },
      'liveEnded',
      '"2026-12-06" is not a time — write it as 2026-12-07T09:30:00Z (a date, a time and Z, or an offset such as +01:00)',
    ],
    [
      'a time without a zone',
      { liveEnded: '2026-12-06T21:00' },
      'liveEnded',
      '"2026-12-06T21:00" is not a time — write it as 2026-12-07T09:30:00Z (a date, a time and Z, or an offset such as +01:00)',
    ],
    [
      'a list',
      { liveEnded: ['2026-12-06T21:00:00Z'] },
      'liveEnded',
      'must be a time — write liveEnded: 2026-12-07T09:30:00Z, the moment coverage ended',
    ],
  ])('refuses %s', (_, over, field, message) => {
    expect(messages(over)).toEqual([[field, message]]);
  });
});
