// @vitest-environment jsdom
import type { PolledEntry, PolledFeed } from './feed-shape';
import { insertEntries, orderEntries, reconcile } from './apply-feed';

const two = (minute: number) => String(minute).padStart(2, '0');
/** An entry as the page and the endpoint write it, at 09:mm, pinned or not. */
const html = (mm: string, pinned = false) =>
  `<article id="update-20261207t09${mm}z" class="live-update"${pinned ? ' data-pinned=""' : ''}>` +
  `<p class="live-update-meta"><time datetime="2026-12-07T09:${mm}:00.000Z">09:${mm}</time>` +
  `${pinned ? '<span class="live-update-flag">Pinned</span>' : ''}</p>Entry ${mm}.</article>`;
const entry = (minute: number, pinned = false, mm = two(minute)): PolledEntry => ({
  id: `update-20261207t09${mm}z`,
  time: `2026-12-07T09:${mm}:00.000Z`,
  html: html(mm, pinned),
  v: `${mm}${pinned ? 'p' : ''}`,
  ...(pinned ? { pinned: true as const } : {}),
});
const feed = (entries: PolledEntry[], since: string | null = null): PolledFeed => ({
  version: 'v2',
  ended: false,
  entries,
  since,
});

/** The page as rendered: 09:15 pinned, then 09:40, 09:30, 09:20, 09:10. */
function page(entries = [entry(15, true), entry(40), entry(30), entry(20), entry(10)]) {
  const section = document.createElement('section');
  section.innerHTML = `<h2>Latest updates</h2><div id="island"></div>${entries.map((e) => e.html).join('')}`;
  const known = new Map(entries.map((e) => [e.id, e.v]));
  return { section, known };
}
const ids = (section: Element) =>
  [...section.querySelectorAll('article.live-update')].map(
    (el) => el.id.slice(-3) + (el.hasAttribute('data-pinned') ? '*' : ''),
  );
/** What an open page does with a poll: reconcile, insert what is new, then order. */
function apply(section: Element, known: Map<string, string>, next: PolledFeed) {
  insertEntries(section, reconcile(section, next, known), known);
  return orderEntries(section, next, known);
}

describe('orderEntries', () => {
  it('changes nothing when the pinned entry is the same', () => {
    const { section, known } = page();
    const same = feed([entry(15, true), entry(40), entry(30), entry(20), entry(10)]);
    expect(apply(section, known, same)).toBe(false);
    expect(ids(section)).toEqual(['15z*', '40z', '30z', '20z', '10z']);
  });

  it('moves the pin: the newly pinned entry first, the one unpinned back in its place in time', () => {
    const { section, known } = page();
    const next = feed([entry(30, true), entry(40), entry(20), entry(15), entry(10)]);
    expect(apply(section, known, next)).toBe(true);
    expect(ids(section)).toEqual(['30z*', '40z', '20z', '15z', '10z']);
    // The flag in the markup follows: one "Pinned" on the page.
    expect(section.querySelectorAll('.live-update-flag')).toHaveLength(1);
    expect(known.get('update-20261207t0930z')).toBe('30p');
  });

  it('shows a newly pinned entry the page did not have yet, above the others', () => {
    const { section, known } = page([entry(40), entry(30)]);
    apply(section, known, feed([entry(5, true), entry(40), entry(30)]));
    expect(ids(section)).toEqual(['05z*', '40z', '30z']);
  });

  it('unpins: the entry takes its place in time, nothing is pinned', () => {
    const { section, known } = page();
    apply(section, known, feed([entry(40), entry(30), entry(20), entry(15), entry(10)]));
    expect(ids(section)).toEqual(['40z', '30z', '20z', '15z', '10z']);
  });

  it('takes away an unpinned entry that is now on an older page, as a reload would', () => {
    const { section, known } = page([entry(5, true), entry(40), entry(30), entry(20)]);
    // The newest page reaches back to 09:20; the old pin (09:05) is neither pinned nor listed.
    apply(section, known, feed([entry(40), entry(30), entry(20)], '2026-12-07T09:20:00.000Z'));
    expect(ids(section)).toEqual(['40z', '30z', '20z']);
    expect(known.has('update-20261207t0905z')).toBe(false);
  });

  it('puts a new entry written with an earlier time in its place, not above the newest', () => {
    const { section, known } = page();
    apply(
      section,
      known,
      feed([entry(15, true), entry(40), entry(30), entry(25), entry(20), entry(10)]),
    );
    expect(ids(section)).toEqual(['15z*', '40z', '30z', '25z', '20z', '10z']);
  });

  it('puts an entry whose time does not read last rather than failing', () => {
    const { section, known } = page([entry(40), entry(30)]);
    section.querySelector('#update-20261207t0940z time')?.setAttribute('datetime', 'soon');
    orderEntries(section, feed([entry(40), entry(30)]), known);
    expect(ids(section)).toEqual(['30z', '40z']);
  });
});
