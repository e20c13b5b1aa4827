import type { Element, Root } from 'hast';
import { isElement } from './hast';

const LEVEL = /^h([1-6])$/;

function headingsOf(node: Root | Element, out: Element[]): Element[] {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (LEVEL.test(child.tagName)) out.push(child);
    else headingsOf(child, out);
  }
  return out;
}

/**
 * The article's title is the page's only <h1>, so the body's headings start at <h2>: a body
 * that uses <h1> moves every heading down a level. A heading never skips a level after the one
 * before it (an <h4> straight after an <h2> becomes an <h3>), so screen-reader users' outline
 * of the article has no holes.
 */
export type HeadingState = { shift: number; previous: number };

/** Where a body's headings start: one level down if the body has an <h1> anywhere. */
export const headingState = (html: string): HeadingState => ({
  shift: /<h1[\s>]/i.test(html) ? 1 : 0,
  previous: 1,
});

/** Renumbers the headings of (a piece of) the body, carrying the level on to the next piece. */
export function normalizeHeadings(root: Root, state: HeadingState): void {
  for (const heading of headingsOf(root, [])) {
    const level = Number(LEVEL.exec(heading.tagName)?.[1] ?? 2);
    const wanted = Math.min(level + state.shift, 6);
    const next = Math.max(2, Math.min(wanted, state.previous + 1));
    heading.tagName = `h${next}`;
    state.previous = next;
  }
}
