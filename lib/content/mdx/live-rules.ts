import { contentOf, describe, isComponent, type MdxNode, type Problem } from './tree';

export const UPDATE = 'Update';

export const isUpdate = (node: MdxNode) => isComponent(node) && node.name === UPDATE;

/**
 * A live story is its summary, then its entries (docs/decisions/030): what stands after the
 * first <Update> and is not one belongs to no entry. The page shows entries newest first, a
 * page at a time, so a paragraph between two of them would land wherever sorting put it.
 */
export function strayBlocks(root: MdxNode): Map<MdxNode, Problem> {
  const strays = new Map<MdxNode, Problem>();
  let entries = false;
  for (const block of contentOf(root)) {
    if (isUpdate(block)) entries = true;
    else if (entries) {
      strays.set(block, {
        problem: `${describe(block)} after the first <${UPDATE}> belongs to no entry`,
        fix: `put it inside an <${UPDATE}>, or before the first one, where the summary is`,
      });
    }
  }
  return strays;
}
