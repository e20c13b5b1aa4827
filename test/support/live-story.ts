import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A live story as an editor would have written it over a long event: `entries` <Update> blocks,
 * one every ten minutes from `start`, oldest first as they were added; every 25th a key event,
 * most with a title, some with a list; the sixth oldest pinned (kept on top all along) unless
 * `pinned: false`.
 * For the tests and benchmarks that ask whether a story of 1,000 entries builds, renders and
 * polls within the budgets (issue 21); never written into the checkout's content/.
 */
export type LiveStoryOptions = {
  entries: number;
  /** The first entry's moment; the story's `date` too. Must leave the newest in the past. */
  start?: string;
  slug?: string;
  section?: string;
  author?: string;
  pinned?: boolean;
  /** Which entries to write, by index from the oldest: all unless this says otherwise. */
  keep?: (i: number) => boolean;
};

export const LIVE_STORY_DEFAULTS = {
  start: '2026-11-01T06:00:00Z',
  slug: 'generated-live-story',
  section: 'politics',
  author: 'priya-raman',
} as const;

const STEP_MS = 10 * 60_000;
/** Which entry is pinned, counting from the oldest (0). */
export const PINNED_INDEX = 5;

/** Entry `i`'s moment (0 is the oldest), as editors write it: whole minutes, in UTC. */
export function entryTime(start: string, i: number): string {
  return new Date(Date.parse(start) + i * STEP_MS).toISOString().replace('.000Z', 'Z');
}

function entryBody(i: number): string {
  const lead = `Entry ${i + 1}: crews reported on the ${['north', 'south', 'east', 'west'][i % 4]} line at the ${i % 12}th checkpoint, and the council's spokesperson said the next briefing would follow within the hour. Riders were asked to check the agency's page before setting out.`;
  if (i % 7 === 3)
    return `${lead}\n\n- Buses: ${i % 46} routes running\n- Light rail: every ${10 + (i % 3) * 5} minutes\n- Ferries: normal service`;
  if (i % 5 === 1)
    return `${lead}\n\n"We are listening to every proposal," a negotiator said after session ${i + 1}.`;
  return lead;
}

/** The MDX of a live story of `options.entries` entries. */
export function liveStoryMdx(options: LiveStoryOptions): string {
  const { start, section, author } = { ...LIVE_STORY_DEFAULTS, ...options };
  const pinnedAt = options.pinned === false ? -1 : PINNED_INDEX;
  const keep = options.keep ?? (() => true);
  const blocks = Array.from({ length: options.entries }, (_, i) => i)
    .filter(keep)
    .map((i) => {
      const attributes = [
        `time="${entryTime(start, i)}"`,
        ...(i % 3 === 2 ? [] : [`title="Update ${i + 1} from the strike"`]),
        ...(i % 25 === 0 ? ['keyEvent'] : []),
        ...(i === pinnedAt ? ['pinned'] : []),
      ];
      return `<Update ${attributes.join(' ')}>\n\n${entryBody(i)}\n\n</Update>`;
    });
  return `---
title: "A strike followed entry by entry: ${options.entries} updates"
dek: "A generated live story for the tests and benchmarks of long coverage."
date: ${start}
section: ${section}
author: ${author}
tags: [hollisport, labour]
live: true
---

A long-running event, followed as it happens. The newest updates are at the top.

${blocks.join('\n\n')}
`;
}

/**
 * Writes the story into `contentDir`/articles (a scratch copy's content folder); returns its
 * file and address.
 */
export function writeLiveStory(
  contentDir: string,
  options: LiveStoryOptions,
): { file: string; url: string } {
  const { slug, section } = { ...LIVE_STORY_DEFAULTS, ...options };
  const file = path.join(contentDir, 'articles', `${slug}.mdx`);
  writeFileSync(file, liveStoryMdx(options));
  return { file, url: `/${section}/${slug}` };
}
