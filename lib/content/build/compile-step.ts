import { availableParallelism } from 'node:os';
import path from 'node:path';
import Piscina from 'piscina';
import type { CompileCache } from './cache';
import { compileAndStore, usable, type CompiledEntry, type CompileTask } from './compile-task';

/** Below this many files to compile, starting worker threads costs more than it saves. */
const IN_PROCESS_UP_TO = 8;

export type CompileJob = { key: string; text: string };

/**
 * Compiles what the cache does not have, on as many worker threads as there are cores; each
 * result is stored the moment it is made (a build killed halfway loses nothing it finished).
 * `onResult` sees every file, cached or compiled, as soon as it is ready.
 */
export async function compileAll(
  root: string,
  jobs: CompileJob[],
  cache: CompileCache,
  onResult: (entry: CompiledEntry) => void,
): Promise<{ compiled: number; threads: number }> {
  const misses: CompileJob[] = [];
  for (const job of jobs) {
    const hit = cache.get(job.key);
    if (usable(root, hit)) onResult(hit);
    else misses.push(job);
  }
  const task = (job: CompileJob): CompileTask => ({ root, key: job.key, text: job.text });
  if (misses.length <= IN_PROCESS_UP_TO) {
    for (const job of misses) onResult(await compileAndStore(task(job)));
    return { compiled: misses.length, threads: 0 };
  }
  const threads = Math.min(availableParallelism(), misses.length);
  const pool = new Piscina<CompileTask, CompiledEntry>({
    filename: path.join(import.meta.dirname, 'compile-worker.mjs'),
    minThreads: threads,
    maxThreads: threads,
  });
  try {
    await Promise.all(misses.map(async (job) => onResult(await pool.run(task(job)))));
  } finally {
    await pool.destroy();
  }
  return { compiled: misses.length, threads };
}
