import { parseInstant } from '../schema/dates';
import { TIME_EXAMPLE } from '../schema/live';
import type { UpdateBlock } from '../mdx/live-entries';
import { updateId } from '../live/update-id';
import type { DocSummary } from './compile';
import { lineOfField, type Finding } from './findings';

/**
 * How far ahead of the build's clock an entry may be: editors round to the minute and their
 * clocks are not the server's. Further ahead, the entry would show before it happened.
 */
export const CLOCK_SLACK_MS = 2 * 60_000;

/** 2026-12-07T09:30:00Z: a moment as editors write it, without the index's milliseconds. */
const shown = (iso: string) => iso.replace('.000Z', 'Z');

const error = (file: string, line: number, field: string, problem: string, fix: string) =>
  ({ file, line, field, problem, fix, severity: 'error' }) satisfies Finding;

/**
 * What a live story's entries and its frontmatter say together, checked against the build's
 * clock as scheduled articles are (docs/decisions/030): entries belong to a live story; one is
 * pinned at most; no two share a moment, which would give them one address; none is in the
 * future; coverage does not end before its first entry, nor later than now. Each entry's own
 * time and flags are the MDX check's (lib/content/mdx/component-rules.ts).
 */
export function liveFindings(
  file: string,
  doc: Pick<DocSummary, 'data' | 'lines' | 'updates'>,
  now: number,
): Finding[] {
  const { data, lines, updates } = doc;
  const ended = typeof data.liveEnded === 'string' ? parseInstant(data.liveEnded) : null;
  const [first] = updates;
  if (first && data.live !== true && ended === null) {
    return [
      error(
        file,
        first.line,
        'body',
        '<Update> is for live stories, and this one is not live',
        `add live: true to the frontmatter while the event runs (and liveEnded: ${TIME_EXAMPLE} once it is over), or remove the <Update> tags`,
      ),
    ];
  }
  const findings: Finding[] = [];
  const timed = updates.filter((u): u is UpdateBlock & { time: string } => u.time !== null);
  const [pinned, ...alsoPinned] = updates.filter((u) => u.pinned);
  for (const extra of alsoPinned) {
    findings.push(
      error(
        file,
        extra.line,
        'body',
        `<Update> pinned: a second pinned entry (the first is at line ${pinned!.line})`,
        'pin one entry at most: remove pinned from all but one',
      ),
    );
  }
  const byId = new Map<string, number>();
  for (const update of timed) {
    const id = updateId(update.time);
    const earlier = id === null ? undefined : byId.get(id);
    if (id !== null && earlier === undefined) byId.set(id, update.line);
    else if (earlier !== undefined) {
      findings.push(
        error(
          file,
          update.line,
          'body',
          `<Update> time: ${shown(update.time)} is the moment of the entry at line ${earlier} too, so both would be #${id}`,
          'give each entry its own time, to the second if need be (09:30:15Z)',
        ),
      );
    }
    if (Date.parse(update.time) > now + CLOCK_SLACK_MS) {
      findings.push(
        error(
          file,
          update.line,
          'body',
          `<Update> time: ${shown(update.time)} is in the future`,
          'an entry shows as soon as it is published: write the time it happened, and publish it then',
        ),
      );
    }
  }
  if (ended !== null) {
    const line = lineOfField(lines, 'liveEnded');
    const earliest = timed.reduce<(typeof timed)[number] | undefined>(
      (soonest, u) => (soonest === undefined || u.time < soonest.time ? u : soonest),
      undefined,
    );
    if (earliest && ended < earliest.time) {
      findings.push(
        error(
          file,
          line,
          'liveEnded',
          `${shown(ended)} is before the first entry (${shown(earliest.time)}, line ${earliest.line})`,
          'write the moment coverage ended, after the entries',
        ),
      );
    }
    if (Date.parse(ended) > now + CLOCK_SLACK_MS) {
      findings.push(
        error(
          file,
          line,
          'liveEnded',
          `${shown(ended)} is in the future`,
          'add liveEnded once coverage is over, with the moment it ended',
        ),
      );
    }
  }
  return findings;
}

/** An entry in an author's bio or a page of the newsroom's: only an article can be live. */
export function updatesOutsideArticles(file: string, doc: Pick<DocSummary, 'updates'>): Finding[] {
  const [first] = doc.updates;
  return first
    ? [
        error(
          file,
          first.line,
          'body',
          '<Update> is for live stories, which are articles',
          'remove the <Update> tags, or write the story as an article in content/articles/',
        ),
      ]
    : [];
}
