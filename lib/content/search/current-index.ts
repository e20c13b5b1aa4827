import { readFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import type { SearchChanges } from '../build/search-step';
import { SEARCH_INDEX_OPTIONS, type SearchDoc } from './options';
import { currentVersionId, VERSION_FILES, versionDir, type VersionMeta } from '../store/layout';
import { readVersionMeta } from '../store/read';

type Held = { version: string; index: MiniSearch<SearchDoc> };
let held: Held | undefined;

function replay(index: MiniSearch<SearchDoc>, root: string, id: string): void {
  const changes = JSON.parse(
    readFileSync(path.join(versionDir(id, root), VERSION_FILES.searchChanges), 'utf8'),
  ) as SearchChanges;
  for (const gone of changes.removed) if (index.has(gone)) index.discard(gone);
  for (const doc of changes.added) {
    if (index.has(doc.id)) index.discard(doc.id);
    index.add(doc);
  }
}

/**
 * The search index of the current version. A full index is large (tens of megabytes at 10,000
 * articles) and slow to load, so a publish writes only what it changed, and a server replays
 * those changes on the index it holds: milliseconds instead of seconds. A server that holds
 * none loads the newest full index behind the current version and replays from there. When a
 * version's files cannot be read, the index held keeps answering.
 */
export function currentSearchIndex(root = process.cwd()): MiniSearch<SearchDoc> | undefined {
  const id = currentVersionId(root);
  if (!id || id === held?.version) return held?.index;
  const chain: VersionMeta[] = [];
  let base: VersionMeta | undefined;
  for (let cursor: string | undefined = id; cursor;) {
    if (cursor === held?.version) break;
    const meta = readVersionMeta(root, cursor);
    if (!meta) return held?.index;
    if (meta.fullSearch) {
      base = meta;
      break;
    }
    chain.push(meta);
    cursor = meta.previous;
  }
  if (!base && !held) return undefined;
  try {
    const index = base
      ? MiniSearch.loadJSON<SearchDoc>(
          readFileSync(path.join(versionDir(base.id, root), VERSION_FILES.search), 'utf8'),
          SEARCH_INDEX_OPTIONS,
        )
      : held!.index;
    for (const meta of chain.reverse()) replay(index, root, meta.id);
    held = { version: id, index };
  } catch (error) {
    console.error(`search: version ${id} could not be loaded (${String(error)}); kept the last`);
  }
  return held?.index;
}
