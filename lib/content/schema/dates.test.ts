import {
  formatDate,
  formatDateTime,
  formatEventDate,
  latestOf,
  newerFirst,
  parseEventDate,
  parseInstant,
} from './dates';

describe('parseEventDate', () => {
  it.each([
    ['2025', 'year'],
    ['2025-04', 'month'],
    ['2025-12-12', 'day'],
    ['2024-02-29', 'day'],
  ])('accepts %s as a %s', (value, precision) => {
    expect(parseEventDate(value)).toEqual({ iso: value, precision });
  });

  it.each(['April 2025', '2025-13', '2025-00', '2025-02-30', '2023-02-29', '25-04', '2025/04', ''])(
    'rejects %j',
    (value) => {
      expect(parseEventDate(value)).toBeNull();
    },
  );
});

describe('formatting', () => {
  it('formats in UTC so a late-evening story keeps its date everywhere', () => {
    expect(formatDate('2026-01-02T23:30:00.000Z')).toBe('2 January 2026');
  });

  it('formats event dates at their own precision', () => {
    expect(formatEventDate({ iso: '2025', precision: 'year' })).toBe('2025');
    expect(formatEventDate({ iso: '2025-04', precision: 'month' })).toBe('April 2025');
    expect(formatEventDate({ iso: '2025-12-12', precision: 'day' })).toBe('12 December 2025');
  });
});

describe('formatDate on stored values', () => {
  it('shows a value that is not a date as written instead of throwing', () => {
    expect(formatDate('2026-01-02T07:15:00Z')).toBe('2 January 2026');
    expect(formatDate('yesterday')).toBe('yesterday');
    expect(formatDate('')).toBe('');
  });
});

describe('parseInstant', () => {
  it.each([
    ['2026-12-07T09:30:00Z', '2026-12-07T09:30:00.000Z'],
    ['2026-12-07T09:30Z', '2026-12-07T09:30:00.000Z'],
    ['2026-12-07T10:30:15+01:00', '2026-12-07T09:30:15.000Z'],
    ['2026-12-07T00:15:00-05:00', '2026-12-07T05:15:00.000Z'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
    [' 2026-12-07T09:30:00Z ', '2026-12-07T09:30:00.000Z'],
  ])('reads %j as %s', (value, iso) => {
    expect(parseInstant(value)).toBe(iso);
  });

  it.each([
    ['a date without a time', '2026-12-07'],
    ['a time without a zone, which each reader’s clock would read differently', '2026-12-07T09:30'],
    ['a fraction of a second', '2026-12-07T09:30:00.5Z'],
    ['a day that does not exist', '2026-02-30T09:30:00Z'],
    ['hour 24', '2026-12-07T24:00:00Z'],
    ['minute 60', '2026-12-07T09:60:00Z'],
    ['second 60', '2026-12-07T09:30:60Z'],
    ['an offset past any zone', '2026-12-07T09:30:00+15:00'],
    ['a space instead of T', '2026-12-07 09:30:00Z'],
    ['words', 'this morning'],
    ['nothing', ''],
  ])('refuses %s', (_, value) => {
    expect(parseInstant(value)).toBeNull();
  });
});

describe('formatDateTime', () => {
  it('gives the day and the time in UTC', () => {
    expect(formatDateTime('2026-12-07T09:05:00.000Z')).toBe('7 December 2026, 09:05 UTC');
    expect(formatDateTime('2026-12-07T23:59:00.000Z')).toBe('7 December 2026, 23:59 UTC');
  });

  it('shows a stored value that is not a date as written', () => {
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('newerFirst and latestOf', () => {
  // 10:00 at +02:00 is 08:00 UTC and 08:45 at -01:00 is 09:45 UTC: the alphabet has them backwards.
  const times = ['2026-12-07T10:00:00+02:00', '2026-12-07T09:30:00Z', '2026-12-07T08:45:00-01:00'];

  it('orders moments written with different offsets by when they happen', () => {
    expect([...times].sort(newerFirst)).toEqual([
      '2026-12-07T08:45:00-01:00',
      '2026-12-07T09:30:00Z',
      '2026-12-07T10:00:00+02:00',
    ]);
    expect(latestOf(times)).toBe('2026-12-07T08:45:00-01:00');
    expect(latestOf([])).toBeUndefined();
  });

  it('puts a stored value that is not a moment last instead of making the sort inconsistent', () => {
    expect(['not a date', '2026-12-07T09:30:00Z', ''].sort(newerFirst)[0]).toBe(
      '2026-12-07T09:30:00Z',
    );
    expect(newerFirst('junk', 'other junk')).toBe(0);
  });
});
