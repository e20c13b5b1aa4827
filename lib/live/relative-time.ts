const FORMAT = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "now", "3 min. ago", "2 hr. ago", "yesterday", "12 days ago", "last mo.": how long before `now` a moment
 * was, rounded down, as the label beside an entry's absolute time. A moment ahead of the
 * reader's clock (a clock a little slow) is "now", never "in 2 min."; one that does not read
 * has no label.
 */
export function relativeTime(at: number, now: number): string {
  if (Number.isNaN(at)) return '';
  const ago = Math.max(0, now - at);
  if (ago < MINUTE) return FORMAT.format(0, 'second');
  if (ago < HOUR) return FORMAT.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < DAY) return FORMAT.format(-Math.floor(ago / HOUR), 'hour');
  // Months past 30 days, years past 12 months: no label is wider than "29 days ago", the room
  // the page keeps for it.
  if (ago < 30 * DAY) return FORMAT.format(-Math.floor(ago / DAY), 'day');
  if (ago < 365 * DAY) return FORMAT.format(-Math.floor(ago / (30 * DAY)), 'month');
  return FORMAT.format(-Math.floor(ago / (365 * DAY)), 'year');
}

const LABEL = 'live-update-ago';

/**
 * Gives every entry under `root` its relative label, or brings it up to date: a <span> at the
 * end of the entry's time line, in room the page keeps for it (app/globals.css, on a running
 * story's page only), so writing or changing it moves nothing. Only text that differs is
 * written. Entries the island inserts or replaces get theirs at the next call.
 */
export function labelTimes(root: ParentNode, now: number): void {
  for (const time of root.querySelectorAll('article.live-update .live-update-meta > time')) {
    const meta = time.parentElement;
    if (!meta) continue;
    let label = meta.querySelector(`:scope > .${LABEL}`);
    if (!label) {
      label = document.createElement('span');
      label.className = LABEL;
      meta.append(label);
    }
    const text = relativeTime(Date.parse(time.getAttribute('datetime') ?? ''), now);
    if (label.textContent !== text) label.textContent = text;
  }
}
