// @vitest-environment jsdom
import { labelTimes, relativeTime } from './relative-time';

const AT = Date.parse('2026-12-07T09:30:00.000Z');
const later = (ms: number) => AT + ms;
const MIN = 60_000;

describe('relativeTime', () => {
  it.each([
    [0, 'now'],
    [59_999, 'now'],
    [MIN, '1 min. ago'],
    [3 * MIN + 59_000, '3 min. ago'],
    [59 * MIN, '59 min. ago'],
    [60 * MIN, '1 hr. ago'],
    [2 * 60 * MIN + 59 * MIN, '2 hr. ago'],
    [24 * 60 * MIN, 'yesterday'],
    [12 * 24 * 60 * MIN, '12 days ago'],
    [29 * 24 * 60 * MIN, '29 days ago'],
    [30 * 24 * 60 * MIN, 'last mo.'],
    [200 * 24 * 60 * MIN, '6 mo. ago'],
    [800 * 24 * 60 * MIN, '2 yr. ago'],
  ])('says %i ms later as %j', (ms, text) => {
    expect(relativeTime(AT, later(ms))).toBe(text);
  });

  it('says "now" for a moment ahead of a slow clock, and nothing for a time that does not read', () => {
    expect(relativeTime(AT, AT - 5 * MIN)).toBe('now');
    expect(relativeTime(Number.NaN, AT)).toBe('');
  });
});

describe('labelTimes', () => {
  const entry = (id: string, datetime: string, flags = '') =>
    `<article id="${id}" class="live-update"><p class="live-update-meta">` +
    `<time datetime="${datetime}">7 December 2026, 09:30 UTC</time>${flags}</p>Words.</article>`;

  it('adds one label at the end of each entry’s time line and keeps it current', () => {
    const section = document.createElement('section');
    section.innerHTML =
      entry('update-20261207t0930z', '2026-12-07T09:30:00.000Z', '<span>Pinned</span>') +
      entry('update-20261207t0900z', '2026-12-07T09:00:00.000Z');
    labelTimes(section, later(3 * MIN));
    const labels = () => [...section.querySelectorAll('.live-update-ago')];
    expect(labels().map((l) => l.textContent)).toEqual(['3 min. ago', '33 min. ago']);
    expect(section.querySelector('.live-update-meta')?.lastElementChild?.className).toBe(
      'live-update-ago',
    );
    const first = labels()[0];
    labelTimes(section, later(2 * 60 * MIN));
    expect(labels()).toHaveLength(2);
    expect(labels()[0]).toBe(first);
    expect(labels().map((l) => l.textContent)).toEqual(['2 hr. ago', '2 hr. ago']);
  });

  it('leaves alone a time that is not an entry’s, and an entry without a time', () => {
    const section = document.createElement('section');
    section.innerHTML =
      '<p>Updated <time datetime="2026-12-07T09:30:00.000Z">09:30</time></p>' +
      '<article class="live-update"><p class="live-update-meta"></p></article>';
    labelTimes(section, later(MIN));
    expect(section.querySelector('.live-update-ago')).toBeNull();
  });
});
