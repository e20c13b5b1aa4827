import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SearchDoc } from '../search/options';

const BATCH = 200;

/**
 * The full search index, built on a thread of its own from documents handed over as the
 * compile produces them. `finish` resolves with the serialised index.
 */
export function searchIndexBuilder() {
  const worker = new Worker(path.join(import.meta.dirname, 'search-worker.mjs'));
  // Never what keeps the process alive: a build that fails halfway must still exit.
  worker.unref();
  const failed = new Promise<never>((_, reject) => worker.once('error', reject));
  let batch: SearchDoc[] = [];
  const flush = () => {
    if (batch.length > 0) worker.postMessage({ add: batch });
    batch = [];
  };
  return {
    add(doc: SearchDoc) {
      batch.push(doc);
      if (batch.length >= BATCH) flush();
    },
    async finish(): Promise<string> {
      flush();
      const done = new Promise<string>((resolve) => worker.once('message', resolve));
      worker.postMessage({ finish: true });
      try {
        return await Promise.race([done, failed]);
      } finally {
        await worker.terminate();
      }
    },
    async cancel(): Promise<void> {
      await worker.terminate();
    },
  };
}
