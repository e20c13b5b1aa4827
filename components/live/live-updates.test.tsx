import { act, render, screen } from '@testing-library/react';
import { HIDDEN_MS, MAX_BACKOFF_MS, VISIBLE_MS } from '@/lib/live/poll-delay';
import { LiveUpdates } from './live-updates';

/** An entry as the page and the endpoint write it, at 09:mm. */
const html = (mm: number, words = `Entry ${mm}.`, pinned = false) =>
  `<article id="update-20261207t09${mm}z" class="live-update"${pinned ? ' data-pinned=""' : ''}>` +
  `<p class="live-update-meta"><time datetime="2026-12-07T09:${mm}:00.000Z">09:${mm}</time></p>${words}</article>`;
const entry = (mm: number, words?: string, pinned = false) => ({
  id: `update-20261207t09${mm}z`,
  time: `2026-12-07T09:${mm}:00.000Z`,
  html: html(mm, words, pinned),
  v: `${mm}${words ?? ''}`,
  ...(pinned ? { pinned: true } : {}),
});
type Entry = ReturnType<typeof entry>;
const feed = (version: string, entries: Entry[], extra = {}) => ({
  version,
  ended: false,
  entries,
  since: null,
  ...extra,
});

let answers: (() => Promise<Response>)[];
const fetchMock = vi.fn(() => (answers.shift() ?? (() => Promise.reject(new Error('offline'))))());
const ok = (body: unknown) => () => Promise.resolve(Response.json(body));
let visibility: DocumentVisibilityState;

/** The page as the server rendered it: a pinned entry, then 09:20 and 09:10. */
function page() {
  const section = document.createElement('section');
  section.innerHTML = `<h2>Latest updates</h2><div id="island"></div>${html(15, 'Pinned.', true)}${html(20)}${html(10)}`;
  document.body.append(section);
  document.title = 'Harbour talks';
  const known = {
    'update-20261207t0915z': '15Pinned.',
    'update-20261207t0920z': '20',
    'update-20261207t0910z': '10',
  };
  render(<LiveUpdates endpoint="/world/talks/live.json" version="v1" known={known} />, {
    container: section.querySelector<HTMLElement>('#island')!,
  });
  return section;
}
const ids = (section: Element) =>
  [...section.querySelectorAll('article.live-update')].map((el) => el.id.slice(-3));
const tick = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
/** The reader has scrolled past the newest entry. */
const scrolled = (down: boolean) =>
  vi
    .spyOn(Element.prototype, 'getBoundingClientRect')
    .mockReturnValue({ top: down ? -400 : 100 } as DOMRect);

beforeEach(() => {
  vi.useFakeTimers();
  answers = [];
  fetchMock.mockClear();
  vi.stubGlobal('fetch', fetchMock);
  visibility = 'visible';
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

const START = [entry(15, 'Pinned.', true), entry(20), entry(10)];

it('asks every 15 s while the page is visible, revalidating with the browser’s ETag', async () => {
  page();
  answers = [ok(feed('v1', START)), ok(feed('v1', START))];
  await tick(VISIBLE_MS - 1);
  expect(fetchMock).not.toHaveBeenCalled();
  await tick(1);
  expect(fetchMock).toHaveBeenCalledWith('/world/talks/live.json', { cache: 'no-cache' });
  await tick(VISIBLE_MS);
  expect(fetchMock).toHaveBeenCalledTimes(2);
});

it('shows a new entry in place to a reader at the top, and announces it once', async () => {
  const section = page();
  scrolled(false);
  answers = [ok(feed('v2', [entry(15, 'Pinned.', true), entry(30), entry(20), entry(10)]))];
  await tick(VISIBLE_MS);
  expect(ids(section)).toEqual(['15z', '30z', '20z', '10z']);
  expect(screen.getByRole('status')).toHaveTextContent('1 new update');
  expect(screen.getByRole('button', { hidden: true })).not.toBeVisible();
  expect(document.title).toBe('Harbour talks');
});

it('offers new entries to a reader who has scrolled, counts them in the title, moves nothing', async () => {
  const section = page();
  scrolled(true);
  answers = [
    ok(feed('v2', [entry(15, 'Pinned.', true), entry(30), entry(20), entry(10)])),
    ok(feed('v3', [entry(15, 'Pinned.', true), entry(40), entry(30), entry(20), entry(10)])),
  ];
  await tick(VISIBLE_MS);
  expect(ids(section)).toEqual(['15z', '20z', '10z']);
  expect(screen.getByRole('button')).toHaveTextContent('1 new update');
  expect(document.title).toBe('(1) Harbour talks');
  await tick(VISIBLE_MS);
  expect(screen.getByRole('button')).toHaveTextContent('2 new updates');
  expect(document.title).toBe('(2) Harbour talks');
  // Announced once per batch: the second batch brought one more.
  expect(screen.getByRole('status').textContent?.trim()).toBe('1 new update');

  act(() => screen.getByRole('button').click());
  expect(ids(section)).toEqual(['15z', '40z', '30z', '20z', '10z']);
  expect(document.activeElement?.id).toBe('update-20261207t0940z');
  expect(document.title).toBe('Harbour talks');
  expect(screen.getByRole('button', { hidden: true })).not.toBeVisible();
});

it('updates an edited entry in place and removes one taken out', async () => {
  const section = page();
  answers = [ok(feed('v2', [entry(15, 'Pinned.', true), entry(20, 'Corrected.')]))];
  await tick(VISIBLE_MS);
  expect(ids(section)).toEqual(['15z', '20z']);
  expect(section.querySelector('#update-20261207t0920z')).toHaveTextContent('Corrected.');
  expect(screen.getByRole('status')).toHaveTextContent('');
});

it('moves the pin as a reload would: the newly pinned first, the unpinned back in its place', async () => {
  const section = page();
  scrolled(false);
  answers = [ok(feed('v2', [entry(20, 'Pinned now.', true), entry(15), entry(10)]))];
  await tick(VISIBLE_MS);
  expect(ids(section)).toEqual(['20z', '15z', '10z']);
  expect(section.querySelector('[data-pinned]')?.id).toBe('update-20261207t0920z');
  expect(screen.getByRole('status')).toHaveTextContent('');
});

it('holds a pin change while the reader has scrolled, and makes it once they are back at the top', async () => {
  const section = page();
  scrolled(true);
  const moved = feed('v2', [entry(20, 'Pinned now.', true), entry(15), entry(10)]);
  answers = [ok(moved), ok(moved)];
  await tick(VISIBLE_MS);
  // Each entry has its new markup where it stood; nothing has moved.
  expect(ids(section)).toEqual(['15z', '20z', '10z']);
  expect(screen.getByRole('button', { hidden: true })).not.toBeVisible();
  scrolled(false);
  await tick(VISIBLE_MS);
  expect(ids(section)).toEqual(['20z', '15z', '10z']);
});

it('labels every entry’s time "… ago", the inserted ones too, and keeps the labels current each minute', async () => {
  vi.setSystemTime(new Date('2026-12-07T09:30:30.000Z'));
  const section = page();
  const labels = () => [...section.querySelectorAll('.live-update-ago')].map((l) => l.textContent);
  expect(labels()).toEqual(['15 min. ago', '10 min. ago', '20 min. ago']);
  answers = Array.from({ length: 4 }, () => ok(feed('v1', START)));
  await tick(60_000);
  expect(labels()).toEqual(['16 min. ago', '11 min. ago', '21 min. ago']);
  answers = [ok(feed('v2', [...START.slice(0, 1), entry(31), ...START.slice(1)]))];
  await tick(VISIBLE_MS);
  expect(ids(section)).toEqual(['15z', '31z', '20z', '10z']);
  expect(labels()).toEqual(['16 min. ago', 'now', '11 min. ago', '21 min. ago']);
});

it('keeps an entry that has only moved to an older page', async () => {
  const section = page();
  // The newest page now reaches back to 09:20 only: 09:10 is on page 2, not removed.
  answers = [
    ok(feed('v2', [entry(15, 'Pinned.', true), entry(20)], { since: '2026-12-07T09:20:00.000Z' })),
  ];
  await tick(VISIBLE_MS);
  expect(ids(section)).toEqual(['15z', '20z', '10z']);
});

it('asks every 60 s while hidden, and at once when the reader comes back', async () => {
  page();
  visibility = 'hidden';
  answers = [ok(feed('v1', START)), ok(feed('v1', START)), ok(feed('v1', START))];
  await tick(VISIBLE_MS);
  expect(fetchMock).toHaveBeenCalledTimes(1); // scheduled when visible
  await tick(VISIBLE_MS);
  expect(fetchMock).toHaveBeenCalledTimes(1);
  await tick(HIDDEN_MS - VISIBLE_MS);
  expect(fetchMock).toHaveBeenCalledTimes(2);
  await tick(VISIBLE_MS + 1);
  visibility = 'visible';
  act(() => document.dispatchEvent(new Event('visibilitychange')));
  await tick(0);
  expect(fetchMock).toHaveBeenCalledTimes(3);
});

it('backs off after failures, silently, and recovers', async () => {
  const section = page();
  answers = [
    () => Promise.reject(new Error('offline')),
    () => Promise.resolve(new Response('<html>Bad gateway</html>', { status: 502 })),
    () => Promise.resolve(new Response('{"not":"a feed"}')),
  ];
  await tick(VISIBLE_MS);
  await tick(30_000);
  await tick(60_000);
  expect(fetchMock).toHaveBeenCalledTimes(3);
  // The fourth waits 120 s, not 15.
  await tick(119_000);
  expect(fetchMock).toHaveBeenCalledTimes(3);
  answers = [ok(feed('v1', START)), ok(feed('v1', START))];
  await tick(1_000);
  expect(fetchMock).toHaveBeenCalledTimes(4);
  await tick(VISIBLE_MS);
  expect(fetchMock).toHaveBeenCalledTimes(5);
  expect(ids(section)).toEqual(['15z', '20z', '10z']);
  expect(screen.getByRole('status')).toHaveTextContent('');
  expect(MAX_BACKOFF_MS).toBe(300_000);
});

it('stops once coverage has ended, after showing what came last', async () => {
  const section = page();
  answers = [
    ok(feed('v2', [entry(15, 'Pinned.', true), entry(30), entry(20), entry(10)], { ended: true })),
  ];
  expect(section.querySelector('[data-polling]')).not.toBeNull();
  await tick(VISIBLE_MS);
  expect(ids(section)).toContain('30z');
  expect(section.querySelector('[data-polling]')).toBeNull();
  await tick(MAX_BACKOFF_MS * 2);
  expect(fetchMock).toHaveBeenCalledTimes(1);
});

it('refuses an entry id that is not an entry’s (it would become a selector)', async () => {
  const section = page();
  const hostile = { ...entry(30), id: 'x"], body, [id="y' };
  answers = [ok(feed('v2', [...START, hostile]))];
  await tick(VISIBLE_MS);
  expect(ids(section)).toEqual(['15z', '20z', '10z']);
});
