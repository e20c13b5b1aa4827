import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { Update } from '../../../components/mdx/update';
import { updateId } from './update-id';

const isUpdate = (node: ReactNode): node is ReactElement<{ time?: unknown }> =>
  isValidElement(node) && node.type === Update;

/**
 * A live story's rendered body blocks, split as the story is made of them: the summary
 * (everything before the first entry) and each entry's element by its address, the first of
 * two at one address kept. An entry whose time gives no address has none; the content check
 * refused it before it was published. The page (components/live/live-coverage.tsx) and the
 * entries' HTML kept for the live endpoint (entry-html.ts) both read the body this way.
 */
export function splitLiveBody(blocks: ReactNode[]): {
  summary: ReactNode[];
  entries: Map<string, ReactElement>;
} {
  const first = blocks.findIndex(isUpdate);
  const summary = first < 0 ? blocks : blocks.slice(0, first);
  const entries = new Map<string, ReactElement>();
  for (const block of blocks) {
    if (!isUpdate(block) || typeof block.props.time !== 'string') continue;
    const id = updateId(block.props.time);
    if (id !== null && !entries.has(id)) entries.set(id, block);
  }
  return { summary, entries };
}
