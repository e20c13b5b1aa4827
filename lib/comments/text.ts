import { explicitLinks } from './links';

export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };
/** A paragraph is a list of lines; a line is a list of segments. */
export type Paragraph = Segment[][];

/**
 * Turns a reader's plain text into paragraphs, lines and links, and nothing more: the result is
 * rendered as React text nodes, so markup in a comment stays visible characters.
 */
export function parseCommentText(body: string): Paragraph[] {
  return (
    body
      // Bidi overrides are also stripped on the way in; this covers rows stored before that.
      .replace(/[\u202A-\u202E\u2066-\u2069]/g, '')
      .replace(/\r\n?/g, '\n')
      .split(/\n\s*\n/)
      .map((paragraph) => paragraph.trim())
      .filter(Boolean)
      .map((paragraph) => paragraph.split('\n').map(segmentLine))
  );
}

function segmentLine(line: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of explicitLinks.match(line) ?? []) {
    if (!/^https?:$/i.test(new URL(match.url).protocol)) continue;
    if (match.index > last) segments.push({ kind: 'text', text: line.slice(last, match.index) });
    segments.push({ kind: 'link', text: match.text, href: match.url });
    last = match.lastIndex;
  }
  if (last < line.length) segments.push({ kind: 'text', text: line.slice(last) });
  return segments;
}
