import type { PhrasingContent, RootContent } from 'mdast';

const PHRASING = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'break',
  'link',
  'image',
  'footnoteReference',
  'mdxJsxTextElement',
]);

export const isPhrasing = (node: RootContent): node is PhrasingContent => PHRASING.has(node.type);

/**
 * Blocks as words within a line, for places that hold only words (a caption, a table cell):
 * the words of each block in turn, the blocks apart by `separator` (a space, or a line break).
 */
export function flattenToPhrasing(
  nodes: readonly RootContent[],
  separator: () => PhrasingContent = () => ({ type: 'text', value: ' ' }),
): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let afterBlock = false;
  for (const node of nodes) {
    if (isPhrasing(node)) {
      if (afterBlock) out.push(separator());
      out.push(node);
      afterBlock = false;
      continue;
    }
    const inner =
      'children' in node ? flattenToPhrasing(node.children as RootContent[], separator) : [];
    if (inner.length === 0) continue;
    if (out.length > 0) out.push(separator());
    out.push(...inner);
    afterBlock = true;
  }
  return out;
}
