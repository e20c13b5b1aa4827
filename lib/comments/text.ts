import { domainToUnicode } from 'node:url';
import { LIMITS } from './limits';
import { explicitLinks } from './links';
import { cleanText } from './sanitize';

/**
 * The most of one comment a page shows. The form allows half this; a longer row was written
 * some other way, and one such row must not make a page megabytes long.
 */
export const SHOWN_MAX = LIMITS.commentMax * 2;

export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };
/** A paragraph is a list of lines; a line is a list of segments. */
export type Paragraph = Segment[][];

/**
 * An http(s) address as the WHATWG URL parser reads it, or null. The link finder accepts things
 * the parser refuses (`http://999.1.1.1`, a malformed punycode label), so nothing it finds is
 * trusted until this says yes.
 */
export function webAddress(value: string | null | undefined): string | null {
  if (!value || !URL.canParse(value)) return null;
  const url = new URL(value);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return punycodeDecodes(url.hostname) ? url.href : null;
}

/**
 * Whether every `xn--` label of a host decodes. Node 20's URL parser refuses one that does not;
 * Node 24's (Ada 4) lets `xn--a.com` through, which no browser will open. Decoded, a good label
 * no longer starts with `xn--`; Node 24 hands a bad one back as it was, Node 20 gives ''.
 */
function punycodeDecodes(hostname: string): boolean {
  if (!/(^|\.)xn--/i.test(hostname)) return true;
  const unicode = domainToUnicode(hostname);
  return unicode !== '' && !/(^|\.)xn--/i.test(unicode);
}

/**
 * A stored name as pages show it: cleaned like the form cleans it, bounded, and never empty,
 * whatever the row holds.
 */
export function shownName(name: string): string {
  const text = cleanText(typeof name === 'string' ? name : String(name), { multiline: false });
  return text.trim().slice(0, LIMITS.name * 2) || 'A reader';
}

/**
 * Turns a reader's plain text into paragraphs, lines and links, and nothing more: the result is
 * rendered as React text nodes, so markup in a comment stays visible characters. Total: stored
 * text of any shape (rows written before today's checks, or by hand) comes back as text.
 */
export function parseCommentText(body: string): Paragraph[] {
  const whole = typeof body === 'string' ? body : String(body);
  const cut = whole.length > SHOWN_MAX ? `${whole.slice(0, SHOWN_MAX)}…` : whole;
  const text = cleanText(cut, { multiline: true });
  try {
    return text
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean)
      .map((paragraph) => paragraph.split('\n').map(segmentLine));
  } catch {
    return [[[{ kind: 'text', text }]]];
  }
}

function segmentLine(line: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of explicitLinks.match(line) ?? []) {
    // What the parser refuses stays text, where it is.
    if (webAddress(match.url) === null) continue;
    if (match.index > last) segments.push({ kind: 'text', text: line.slice(last, match.index) });
    segments.push({ kind: 'link', text: match.text, href: match.url });
    last = match.lastIndex;
  }
  if (last < line.length) segments.push({ kind: 'text', text: line.slice(last) });
  return segments;
}
