import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';

function isElement(node: RootContent | ElementContent, tag?: string): node is Element {
  return node.type === 'element' && (tag === undefined || node.tagName === tag);
}

const HEADING = /^h[2-6]$/;

/**
 * GFM tables arrive as bare <table>s. On a phone a wide table must scroll on its own instead of
 * the page, and a scrolling region has to be reachable by keyboard and named for screen readers,
 * so each table is wrapped in a labelled, focusable region and its header cells get a scope.
 */
export function rehypeTableRegions() {
  return (tree: Root) => {
    let lastHeading = '';
    let count = 0;
    const wrap = (children: (RootContent | ElementContent)[]) => {
      for (let i = 0; i < children.length; i++) {
        const node = children[i];
        if (!node || !isElement(node)) continue;
        if (HEADING.test(node.tagName)) lastHeading = toString(node).trim();
        if (node.tagName !== 'table') {
          wrap(node.children);
          continue;
        }
        count += 1;
        for (const section of node.children) {
          if (!isElement(section, 'thead')) continue;
          for (const row of section.children) {
            if (!isElement(row)) continue;
            for (const cell of row.children) {
              if (isElement(cell, 'th')) cell.properties.scope = 'col';
            }
          }
        }
        children[i] = {
          type: 'element',
          tagName: 'div',
          properties: {
            className: ['table-region'],
            role: 'region',
            ariaLabel: lastHeading ? `Table: ${lastHeading}` : `Table ${count}`,
            tabIndex: 0,
          },
          children: [node],
        };
      }
    };
    wrap(tree.children);
  };
}
