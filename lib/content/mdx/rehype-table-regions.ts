import type { Element, Properties, Root } from 'hast';

/**
 * The tree as MDX hands it to rehype: HTML elements, and JSX elements (`<details>`, `<figure>`,
 * `<Callout>`) that hold content of their own; typed here so this does not depend on which
 * packages augment hast's types.
 */
type Node = {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: unknown;
  properties?: Properties;
  children?: Node[];
};

const HEADING = /^h[1-6]$/;

/** A heading can be a paragraph long; a region's name is what a screen reader lists. */
const MAX_WORDS = 100;

const isElement = (node: Node | undefined, tag: string): node is Node & Element =>
  node?.type === 'element' && node.tagName === tag;

/** `<figure>` written as HTML (an element) or in MDX (a JSX element, flow or within a line). */
const isBox = (node: Node, name: string) =>
  isElement(node, name) ||
  ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === name);

/** A figure's caption: a child, or within the paragraph MDX puts it in when written in a line. */
const figcaptionOf = (figure: Node) =>
  (figure.children ?? [])
    .flatMap((child) => (isElement(child, 'p') ? child.children : [child]))
    .find((child) => isBox(child, 'figcaption'));

const isRegion = (node: Node | undefined) =>
  node?.type === 'element' &&
  node.tagName === 'div' &&
  node.properties?.role === 'region' &&
  Array.isArray(node.properties.className) &&
  node.properties.className.includes('table-region');

function textOf(node: Node): string {
  if (node.type === 'text' && typeof node.value === 'string') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

function words(node: Node | undefined): string {
  if (!node) return '';
  const text = textOf(node).replace(/\s+/g, ' ').trim();
  const chars = [...text];
  return chars.length <= MAX_WORDS ? text : `${chars.slice(0, MAX_WORDS - 1).join('')}…`;
}

type Found = { siblings: Node[]; index: number; table: Node & Element; words: string };

/**
 * GFM tables arrive as bare <table>s. On a phone a wide table must scroll on its own instead of
 * the page, and a scrolling region has to be reachable by keyboard and named for screen readers,
 * so each table, wherever it stands (in a list, a <details>, a <figure>, a component), is wrapped
 * in a labelled, focusable region and its header cells get a scope.
 *
 * A region is named after the table's caption (its own, or its figure's), else the heading above
 * it. Landmarks must have distinct names (WCAG 1.3.1 and 2.4.1; axe's landmark-unique), so tables
 * that would share one are numbered: "Table 1 of 2: Results", "Table 2 of 2: Results".
 */
export function rehypeTableRegions() {
  return (tree: Root) => {
    const found: Found[] = [];
    let heading = '';
    const walk = (parent: Node, caption: string) => {
      const children = parent.children ?? [];
      for (let index = 0; index < children.length; index++) {
        const node = children[index];
        if (!node) continue;
        if (node.type === 'element' && HEADING.test(node.tagName ?? '')) heading = words(node);
        if (isElement(node, 'table')) {
          // Already in a region (the plugin ran before): one box is enough.
          if (isRegion(parent)) continue;
          const own = words(node.children.find((child) => isElement(child, 'caption')));
          found.push({ siblings: children, index, table: node, words: own || caption || heading });
        } else if (node.children) {
          walk(node, (isBox(node, 'figure') && words(figcaptionOf(node))) || caption);
        }
      }
    };
    walk(tree as Node, '');

    // Distinct by construction: a table without words is named by its place among all the page's
    // tables, and tables with the same words by their place among those.
    const shared = new Map<string, number>();
    for (const { words } of found) shared.set(words, (shared.get(words) ?? 0) + 1);
    const seen = new Map<string, number>();
    found.forEach(({ siblings, index, table, words }, position) => {
      const of = shared.get(words) ?? 1;
      const nth = (seen.get(words) ?? 0) + 1;
      seen.set(words, nth);
      const label = !words
        ? `Table ${position + 1}`
        : of > 1
          ? `Table ${nth} of ${of}: ${words}`
          : `Table: ${words}`;
      scopeHeaderCells(table);
      siblings[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-region'], role: 'region', ariaLabel: label, tabIndex: 0 },
        children: [table],
      };
    });
  };
}

/** Whether a cell says anything: words, or a picture with a description. */
const saysSomething = (node: Node): boolean =>
  textOf(node).trim() !== '' ||
  (isElement(node, 'img') && String(node.properties.alt ?? '').trim() !== '') ||
  (node.children ?? []).some(saysSomething);

/**
 * Header cells get `scope="col"`. A Markdown table's first row is all header cells, so the empty
 * corner above a column of row names (`| | 2025 | 2026 |`) would be a header naming nothing,
 * read out as a blank column name (axe: empty-table-header): it becomes an ordinary cell.
 */
function scopeHeaderCells(table: Element) {
  for (const section of table.children) {
    if (!isElement(section, 'thead')) continue;
    for (const row of section.children) {
      if (row.type !== 'element') continue;
      for (const cell of row.children) {
        if (!isElement(cell, 'th')) continue;
        if (saysSomething(cell)) cell.properties.scope = 'col';
        else cell.tagName = 'td';
      }
    }
  }
}
