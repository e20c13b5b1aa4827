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
export function normalizeHeadings(root: Root): void {
  const headings = headingsOf(root, []);
  const level = (heading: Element) => Number(LEVEL.exec(heading.tagName)?.[1] ?? 2);
  const shift = headings.some((heading) => level(heading) === 1) ? 1 : 0;
  let previous = 1;
  for (const heading of headings) {
    const wanted = Math.min(level(heading) + shift, 6);
    const next = Math.max(2, Math.min(wanted, previous + 1));
    heading.tagName = `h${next}`;
    previous = next;
  }
}
