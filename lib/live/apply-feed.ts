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
