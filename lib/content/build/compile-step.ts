import { availableParallelism } from 'node:os';
import path from 'node:path';
import Piscina from 'piscina';
import type { CompileCache } from './cache';
import { compileDocument, type CompiledDocument } from './compile';

/** Below this many files to compile, starting worker threads costs more than it saves. */
const IN_PROCESS_UP_TO = 8;

export type CompileJob = { key: string; text: string };

/**
 * Compiles what the cache does not have, on as many worker threads as there are cores, and
 * keeps each result in the cache the moment it arrives (a build killed halfway loses nothing it
 * finished). `onResult` sees every document, cached or compiled, as soon as it is ready, so the
 * main thread can index while the workers compile.
 */
export async function compileAll(
  jobs: CompileJob[],
  cache: CompileCache,
  onResult: (key: string, doc: CompiledDocument) => void,
): Promise<{ compiled: number; threads: number }> {
  const misses: CompileJob[] = [];
  for (const job of jobs) {
    const hit = cache.get(job.key);
    if (hit) onResult(job.key, hit);
    else misses.push(job);
  }
  const finish = (job: CompileJob, doc: CompiledDocument) => {
    cache.set(job.key, doc);
    onResult(job.key, doc);
  };
  if (misses.length <= IN_PROCESS_UP_TO) {
    for (const job of misses) finish(job, await compileDocument(job.text));
    return { compiled: misses.length, threads: 0 };
  }
  const threads = Math.min(availableParallelism(), misses.length);
  const pool = new Piscina<string, CompiledDocument>({
    filename: path.join(import.meta.dirname, 'compile-worker.mjs'),
    minThreads: threads,
    maxThreads: threads,
  });
  try {
    await Promise.all(misses.map(async (job) => finish(job, await pool.run(job.text))));
  } finally {
    await pool.destroy();
  }
  return { compiled: misses.length, threads };
}
