import type { PolledEntry, PolledFeed } from './feed-shape';

const ENTRY = 'article.live-update[id]';

/** Markup from our own endpoint, parsed inertly (a <template> runs no script, loads nothing). */
function nodesOf(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

const timeOf = (el: Element) =>
  Date.parse(el.querySelector('time')?.getAttribute('datetime') ?? '');

/** Newest first; an entry whose time does not read goes last, as it has no place in time. */
function byNewest(a: Element, b: Element): number {
  const [x, y] = [timeOf(a), timeOf(b)];
  if (Number.isNaN(x) || Number.isNaN(y)) return Number(Number.isNaN(x)) - Number(Number.isNaN(y));
  return y - x;
}

/**
 * Brings the entries already on the page in line with the feed: an edited one (its digest
 * differs from the one the page was rendered with) is replaced where it stands; one missing from
 * the feed though within the newest page's reach (`since`) was removed and goes; an older one
 * has only moved to an older page and stays. Returns the feed's entries the page does not have
 * yet, newest first, for the caller to offer or insert. `known` (id to digest) is kept current.
 */
export function reconcile(
  section: Element,
  feed: PolledFeed,
  known: Map<string, string>,
): PolledEntry[] {
  const listed = new Map(feed.entries.map((e) => [e.id, e]));
  const since = feed.since === null ? -Infinity : Date.parse(feed.since);
  for (const el of [...section.querySelectorAll(ENTRY)]) {
    const entry = listed.get(el.id);
    if (!entry) {
      if (!(timeOf(el) < since)) {
        el.remove();
        known.delete(el.id);
      }
    } else if (known.get(entry.id) !== entry.v) {
      el.replaceWith(nodesOf(entry.html));
      known.set(entry.id, entry.v);
    }
  }
  return feed.entries.filter((e) => !e.pinned && !section.querySelector(`#${e.id}`));
}

/** The entry new ones go above: the newest one that is not pinned. */
export const firstEntry = (section: Element) =>
  section.querySelector(`${ENTRY}:not([data-pinned])`);

/**
 * Puts new entries (newest first) above the newest on the page, below the pinned one, and
 * drops the "No updates yet" line. Returns the first inserted element, for focus.
 */
export function insertEntries(
  section: Element,
  entries: PolledEntry[],
  known: Map<string, string>,
): Element | null {
  const anchor = firstEntry(section);
  let first: Element | null = null;
  for (const entry of entries) {
    if (section.querySelector(`#${entry.id}`)) continue;
    const nodes = nodesOf(entry.html);
    first ??= nodes.firstElementChild;
    if (anchor) anchor.before(nodes);
    else section.append(nodes);
    known.set(entry.id, entry.v);
  }
  if (first) section.querySelector('[data-live-empty]')?.remove();
  return first;
}

/**
 * Puts the entries on the page in the order a reload would: the feed's pinned entry first (added
 * when the page lacks it), the others newest first. A pin moved, added or taken off reaches an
 * open page this way; reconcile() has already given each entry its new markup, since its
 * pinning is in its HTML. An entry the page still shows as pinned that the feed neither pins nor
 * lists is on an older page now, where a reload would not show it here: it goes. Only
 * what is out of place moves. Returns whether anything changed.
 */
export function orderEntries(
  section: Element,
  feed: PolledFeed,
  known: Map<string, string>,
): boolean {
  const pinned = feed.entries.find((e) => e.pinned);
  let changed = false;
  for (const el of [...section.querySelectorAll(`${ENTRY}[data-pinned]`)]) {
    if (el.id === pinned?.id || feed.entries.some((e) => e.id === el.id)) continue;
    el.remove();
    known.delete(el.id);
    changed = true;
  }
  let top = pinned ? section.querySelector(`#${pinned.id}`) : null;
  if (pinned && !top) {
    const nodes = nodesOf(pinned.html);
    top = nodes.firstElementChild;
    const first = section.querySelector(ENTRY);
    if (first) first.before(nodes);
    else section.append(nodes);
    known.set(pinned.id, pinned.v);
    section.querySelector('[data-live-empty]')?.remove();
    changed = true;
  }
  const entries = [...section.querySelectorAll(ENTRY)];
  let previous = top;
  if (top && entries[0] !== top) {
    entries[0]?.before(top);
    changed = true;
  }
  for (const el of entries.filter((e) => e !== top).sort(byNewest)) {
    const next = previous ? previous.nextElementSibling : section.querySelector(ENTRY);
    if (next !== el) {
      if (previous) previous.after(el);
      else section.querySelector(ENTRY)?.before(el);
      changed = true;
    }
    previous = el;
  }
  return changed;
}
