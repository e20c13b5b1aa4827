import type { Element, Root } from 'hast';

type Node = {
  type: string;
  tagName?: string;
  properties?: Element['properties'];
  children?: Node[];
};

/**
 * A code block or preformatted text keeps its lines as written, so on a phone a long one
 * scrolls sideways on its own; a scrolling box must be reachable by keyboard to be scrolled
 * (WCAG 2.1.1; axe: scrollable-region-focusable), as the table regions are. Every <pre>,
 * wherever it stands, is focusable.
 */
export function rehypeCodeBlocks() {
  return (tree: Root) => {
    const walk = (node: Node) => {
      if (node.type === 'element' && node.tagName === 'pre' && node.properties)
        node.properties.tabIndex = 0;
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree as Node);
  };
}
