import { availableParallelism } from 'node:os';
import path from 'node:path';
import Piscina from 'piscina';
import {
  obtainPictures,
  type ObtainOptions,
  type ObtainResult,
  type PictureItem,
} from '../pictures/obtain';

/** Below this many pictures from an uploads copy, starting threads costs more than it saves. */
const IN_PROCESS_UP_TO = 2_000;

export type PictureTask = { items: PictureItem[]; options: ObtainOptions };

/**
 * `obtainPictures`, on one worker thread per core for a large uploads copy: copying a picture
 * is a dozen small file operations, and their bookkeeping, not the disk, is what a thread
 * spends its time on. Each thread takes a run of whole pictures (every URL of one site path in
 * the same run) and the runs' results are joined in order: the same result as one thread's.
 * Pictures fetched over HTTP stay on this thread (the old site, not the threads, sets their
 * pace). `threads` defaults to one per core (at most 4), and 1 for 2,000 pictures or fewer.
 */
export async function obtainInThreads(
  items: readonly PictureItem[],
  options: ObtainOptions,
  threads = items.length <= IN_PROCESS_UP_TO ? 1 : Math.min(availableParallelism(), 4),
): Promise<ObtainResult> {
  if (options.uploadsDir === undefined || threads < 2) return obtainPictures(items, options);
  const runs = runsOf(items, threads);
  const pool = new Piscina<PictureTask, ObtainResult>({
    filename: path.join(import.meta.dirname, 'pictures-worker.mjs'),
    minThreads: runs.length,
    maxThreads: runs.length,
  });
  try {
    const results = await Promise.all(runs.map((run) => pool.run({ items: run, options })));
    return joined(results);
  } finally {
    await pool.destroy();
  }
}

/** `threads` runs of about equal length, a site path's items never split between two. */
function runsOf(items: readonly PictureItem[], threads: number): PictureItem[][] {
  const bySitePath = new Map<string, PictureItem[]>();
  for (const item of items) {
    const group = bySitePath.get(item.sitePath);
    if (group) group.push(item);
    else bySitePath.set(item.sitePath, [item]);
  }
  const size = Math.ceil(items.length / threads);
  const runs: PictureItem[][] = [[]];
  for (const group of bySitePath.values()) {
    const last = runs[runs.length - 1] ?? [];
    if (last.length >= size) runs.push([...group]);
    else last.push(...group);
  }
  return runs;
}

function joined(results: readonly ObtainResult[]): ObtainResult {
  const all: ObtainResult = { obtained: [], present: [], kept: [], failed: [], sha256: new Map() };
  for (const result of results) {
    for (const sitePath of result.obtained) all.obtained.push(sitePath);
    for (const sitePath of result.present) all.present.push(sitePath);
    for (const kept of result.kept) all.kept.push(kept);
    for (const failed of result.failed) all.failed.push(failed);
    for (const [sitePath, hash] of result.sha256) all.sha256.set(sitePath, hash);
  }
  return all;
}
