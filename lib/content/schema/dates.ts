/** Dates an editor may give a timeline event: a year, a month or a day. */
const EVENT_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export type EventDate = {
  /** The value as written, valid for `<time dateTime>`. */
  iso: string;
  precision: 'year' | 'month' | 'day';
};

export function parseEventDate(value: string): EventDate | null {
  const match = EVENT_DATE.exec(value.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  if (month === undefined) return { iso: value.trim(), precision: 'year' };
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  if (day === undefined) return { iso: value.trim(), precision: 'month' };
  const d = Number(day);
  // Date.UTC rolls 2025-02-30 over into March; a round trip catches days that do not exist.
  const date = new Date(Date.UTC(Number(year), m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return { iso: value.trim(), precision: 'day' };
}

const LONG = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const MONTH = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * "14 October 2026": newsroom dates are shown in UTC so the build and every reader agree. A
 * value that is not a date (a hand-edited database row) is shown as written: Intl would throw.
 */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : LONG.format(date);
}

export function formatEventDate(date: EventDate): string {
  if (date.precision === 'year') return date.iso;
  if (date.precision === 'month') return MONTH.format(new Date(`${date.iso}-01T00:00:00Z`));
  return formatDate(`${date.iso}T00:00:00Z`);
}

/**
 * A moment as editors write it for a live story's entries and its end: a date, a time to the
 * minute or the second, and a zone (`Z` or an offset), nothing left to the reader's clock.
 * Fractions of a second are refused: an entry's address is made from its time to the second.
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-](\d{2}):(\d{2}))$/;

/** The moment in one form (2026-12-07T09:30:00.000Z), or null for anything else. */
export function parseInstant(value: string): string | null {
  const match = INSTANT.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '00', zone, zoneHours, zoneMinutes] = match;
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  // Date.UTC rolls 2026-02-30 over into March; a round trip catches days that do not exist.
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  if (zone !== 'Z' && (Number(zoneHours) > 14 || Number(zoneMinutes) > 59)) return null;
  const at = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`);
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

const TIME = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});

/**
 * "7 December 2026, 09:30 UTC": a live entry's time, said in UTC like every date on the site.
 * A value that is not a date is shown as written, as formatDate does.
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? String(iso)
    : `${LONG.format(date)}, ${TIME.format(date)} UTC`;
}

/** A moment as a number; a stored value that is not a moment counts as the earliest. */
function instant(time: string): number {
  const at = Date.parse(time);
  return Number.isNaN(at) ? -Infinity : at;
}

/**
 * Newest first by the moment, never by the text: `2026-12-07T10:00:00+02:00` comes after
 * `2026-12-07T09:30:00Z` in the alphabet and before it in time. The build keeps every time in
 * one UTC form, where the text happens to sort right; orderings do not lean on that, so a time
 * written another way (a test's, an older store's, a frontmatter date) cannot reorder a story.
 * Never NaN, so a sort stays consistent whatever it is given.
 */
export function newerFirst(a: string, b: string): number {
  const [x, y] = [instant(a), instant(b)];
  return x === y ? 0 : x < y ? 1 : -1;
}

/** The latest of some moments, as written; undefined for none. */
export const latestOf = (times: string[]): string | undefined =>
  times.reduce<string | undefined>(
    (latest, t) => (latest === undefined || newerFirst(t, latest) < 0 ? t : latest),
    undefined,
  );
