import type { UpdateBlock } from '../mdx/live-entries';
import { newerFirst, parseInstant } from '../schema/dates';
import type { ArticleMeta, LiveBlog, LiveEntry } from '../schema/types';
import { updateId } from './update-id';

/** Newest first by the moment; the id breaks ties so the order is the same on every build. */
export const byNewestEntry = (a: LiveEntry, b: LiveEntry) =>
  newerFirst(a.time, b.time) || a.id.localeCompare(b.id);

/**
 * A live story as the index keeps it, or undefined for an ordinary article: one with
 * `live: true`, or a `liveEnded` time once coverage is over. Entries without a time that parses
 * are left out (the content check has refused them before anything is written).
 */
export function liveBlogOf(
  fm: { live?: boolean; liveEnded?: string },
  updates: UpdateBlock[],
): LiveBlog | undefined {
  const ended = fm.liveEnded === undefined ? null : parseInstant(fm.liveEnded);
  if (fm.live !== true && ended === null) return undefined;
  const entries = updates.flatMap((u): LiveEntry[] => {
    const id = u.time === null ? null : updateId(u.time);
    if (u.time === null || id === null) return [];
    return [
      {
        id,
        time: u.time,
        ...(u.title === undefined ? {} : { title: u.title }),
        ...(u.keyEvent ? { keyEvent: true as const } : {}),
        ...(u.pinned ? { pinned: true as const } : {}),
        ...(u.text === undefined ? {} : { text: u.text }),
        ...(u.html === undefined ? {} : { html: u.html }),
      },
    ];
  });
  return { ...(ended === null ? {} : { ended }), entries: entries.sort(byNewestEntry) };
}

/** Whether the story is marked Live: a live story whose coverage has not ended. */
export const isRunning = (article: Pick<ArticleMeta, 'liveBlog'>) =>
  article.liveBlog !== undefined && article.liveBlog.ended === undefined;
