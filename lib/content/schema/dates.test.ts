import { formatDate, formatEventDate, parseEventDate } from './dates';

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
