import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { mdxComponents } from '../../../components/mdx/mdx-components';
import type { UpdateBlock } from '../mdx/live-entries';
import { renderMdxBlocks } from '../mdx/render';
import { newerFirst } from '../schema/dates';
import { splitLiveBody } from './entry-elements';
import { updateId } from './update-id';

/**
 * How many of the newest entries keep their HTML, besides the pinned one: the live endpoint
 * sends the newest page (docs/decisions/032), 20 entries unless MASTHEAD_LIVE_PAGE_SIZE says
 * otherwise. A constant, not the page size, so the compile cache never depends on a setting.
 */
export const HTML_KEPT = 30;

/**
 * The newest entries' HTML, rendered once when the story is compiled (docs/decisions/032):
 * the live endpoint answers pollers from the index and never renders MDX. It is the markup the
 * story's page renders for the same entry (the same <Update> and components). Runs in the
 * build's worker, outside Next, where react-dom/server is allowed; a route handler may not
 * use it. Never throws: an entry that does not render keeps no HTML, and the endpoint leaves
 * it out until the next publish.
 */
export function withEntryHtml(code: string, updates: UpdateBlock[]): UpdateBlock[] {
  if (updates.length === 0) return updates;
  const kept = new Set(
    updates
      .filter((u) => u.time !== null)
      .sort((a, b) => newerFirst(a.time ?? '', b.time ?? ''))
      .filter((u, i) => u.pinned || i < HTML_KEPT)
      .map((u) => u.time),
  );
  let byId: Map<string, ReactElement>;
  try {
    byId = splitLiveBody(renderMdxBlocks(code, mdxComponents)).entries;
  } catch {
    return updates;
  }
  return updates.map((u) => {
    const id = u.time === null ? null : updateId(u.time);
    const element = id === null ? undefined : byId.get(id);
    if (!kept.has(u.time) || !element) return u;
    try {
      return { ...u, html: renderToStaticMarkup(element) };
    } catch {
      return u;
    }
  });
}
