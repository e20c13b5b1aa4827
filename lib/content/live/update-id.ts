import { parseInstant } from '../schema/dates';

const NORMAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.000Z$/;

/**
 * A live entry's address on its page, made from its time alone so it never changes when other
 * entries come, go or move to an older page: `update-20261207t0930z` for 09:30 UTC, and the
 * seconds only when there are any (`update-20261207t093015z`), so the two forms never meet.
 * Two entries at the same moment would share one address: the content check refuses that
 * (docs/decisions/030). Takes a time as editors write it (parseInstant's form) or as the index
 * keeps it (2026-12-07T09:30:00.000Z); null for anything else.
 */
export function updateId(time: string): string | null {
  const match = NORMAL.exec(time) ?? NORMAL.exec(parseInstant(time) ?? '');
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match;
  return `update-${year}${month}${day}t${hour}${minute}${second === '00' ? '' : second}z`;
}
