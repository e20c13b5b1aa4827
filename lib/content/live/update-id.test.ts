import { updateId } from './update-id';

describe('updateId', () => {
  it('names an entry by its moment in UTC, to the minute', () => {
    expect(updateId('2026-12-07T09:30:00Z')).toBe('update-20261207t0930z');
    expect(updateId('2026-12-07T09:30Z')).toBe('update-20261207t0930z');
    // The same moment written in another zone is the same entry address.
    expect(updateId('2026-12-07T10:30:00+01:00')).toBe('update-20261207t0930z');
    // As the content index keeps it.
    expect(updateId('2026-12-07T09:30:00.000Z')).toBe('update-20261207t0930z');
  });

  it('adds the seconds only when there are some, so no two moments share an address', () => {
    expect(updateId('2026-12-07T09:30:15Z')).toBe('update-20261207t093015z');
    expect(updateId('2026-12-07T09:31:00Z')).not.toBe(updateId('2026-12-07T09:30:15Z'));
  });

  it.each(['', 'noon', '2026-12-07', '2026-12-07T09:30', '9999-12-31T23:00:00-05:00'])(
    'gives no address for %j, which is not a time it can write',
    (time) => {
      expect(updateId(time)).toBeNull();
    },
  );
});
