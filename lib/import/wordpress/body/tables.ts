import type { Element, ElementContent, Root } from 'hast';
import { element, isElement, textNode, textOf } from './hast';
import type { LostList } from './lost';

const rowsOf = (table: Element): Element[] =>
  table.children.flatMap((child) => {
    if (!isElement(child)) return [];
    if (child.tagName === 'tr') return [child];
    if (!['thead', 'tbody', 'tfoot'].includes(child.tagName)) return [];
    return child.children.filter((row): row is Element => isElement(row, 'tr'));
  });

const cellsOf = (row: Element) =>
  row.children.filter((cell): cell is Element => isElement(cell, 'td') || isElement(cell, 'th'));

/** hast-util-to-mdast's own test: a <thead> with a row, or a <th> in the first row. */
function hasHeader(table: Element, first: Element): boolean {
  return (
    table.children.some(
      (child) => isElement(child, 'thead') && child.children.some((row) => isElement(row, 'tr')),
    ) || cellsOf(first).some((cell) => cell.tagName === 'th')
  );
}

/**
 * Shapes one table for a Markdown table, which always has a header row and no caption: a
 * table without a header gets its first row as the header (an empty header would be read out
 * as blank column names), and its <caption> becomes the caption of a figure around it, which
 * names the table's region on the page (rehype-table-regions).
 */
function shapeTable(table: Element, lost: LostList): ElementContent[] {
  const rows = rowsOf(table);
  const first = rows[0];
  if (first && !hasHeader(table, first)) {
    for (const cell of cellsOf(first)) cell.tagName = 'th';
    lost.add('a table without a header row (its first row became the header)');
  }
  if (
    rows.some((row) =>
      cellsOf(row).some((cell) => cell.properties.colSpan || cell.properties.rowSpan),
    )
  ) {
    lost.add("a table's merged cells (split into single cells, the others left empty)");
  }
  if (rows.some((row) => cellsOf(row).some((cell) => cell.children.some((c) => hasTable(c))))) {
    lost.add('a table inside a table cell (kept as text)');
  }
  const captions = table.children.filter((child) => isElement(child, 'caption'));
  table.children = table.children.filter((child) => !isElement(child, 'caption'));
  const caption = captions
    .map((child) => textOf(child))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return caption
    ? [element('figure', {}, [table, element('figcaption', {}, [textNode(caption)])])]
    : [table];
}

function hasTable(node: ElementContent): boolean {
  if (!isElement(node)) return false;
  return node.tagName === 'table' || node.children.some((child) => hasTable(child));
}

/** Every table in the tree, shaped for Markdown; tables inside tables are left to become text. */
export function shapeTables(root: Root | Element, lost: LostList): void {
  const children: ElementContent[] = [];
  for (const child of root.children) {
    if (child.type === 'text') children.push(child);
    if (child.type !== 'element') continue;
    if (child.tagName === 'table') children.push(...shapeTable(child, lost));
    else {
      shapeTables(child, lost);
      children.push(child);
    }
  }
  root.children = children;
}
