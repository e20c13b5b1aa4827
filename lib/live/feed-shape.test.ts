import { readFeed } from './feed-shape';

const entry = { id: 'update-20261207t0930z', time: 't', html: '<article></article>', v: 'ab' };
const feed = { version: 'v', ended: false, entries: [entry], since: null };

it('reads the endpoint’s answer', () => {
  expect(readFeed(feed)).toEqual(feed);
  expect(readFeed({ ...feed, entries: [{ ...entry, pinned: true }] })?.entries[0]?.pinned).toBe(
    true,
  );
});

it.each([
  ['an error page', '<html>'],
  ['nothing', null],
  ['no version', { ...feed, version: 1 }],
  ['entries that are not a list', { ...feed, entries: {} }],
  [
    'an id that would be a selector of its own',
    { ...feed, entries: [{ ...entry, id: 'a, body' }] },
  ],
  ['an entry without its markup', { ...feed, entries: [{ ...entry, html: undefined }] }],
  ['a since that is not a time', { ...feed, since: 5 }],
])('refuses %s', (_, body) => {
  expect(readFeed(body)).toBeUndefined();
});
