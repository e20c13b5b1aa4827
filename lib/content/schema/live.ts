import { z } from 'zod';
import { parseInstant } from './dates';
import { say } from './say';

/** How editors are shown to write a live story's times, in messages and in docs/editors.md. */
export const TIME_EXAMPLE = '2026-12-07T09:30:00Z';
export const TIME_FORM = `${TIME_EXAMPLE} (a date, a time and Z, or an offset such as +01:00)`;

/**
 * The two fields that make an article a live story (docs/decisions/030): `live: true` while
 * the event runs, `liveEnded:` the moment it ended, once it has. Otherwise a live story is an
 * ordinary article; its entries are <Update> blocks in the body. What the fields say about the
 * entries (none after the end, none in the future) is checked with them, by
 * lib/content/build/live-check.ts.
 */
export const liveFields = {
  live: z
    .boolean({
      error: (issue) =>
        say(
          `"${String(issue.input)}" is not true or false`,
          'write live: true while the event runs, or remove the line',
        ),
    })
    .optional(),
  liveEnded: z
    .string({
      error: say('must be a time', `write liveEnded: ${TIME_EXAMPLE}, the moment coverage ended`),
    })
    .refine((value) => parseInstant(value) !== null, {
      error: (issue) => say(`"${String(issue.input)}" is not a time`, `write it as ${TIME_FORM}`),
    })
    .optional(),
};
