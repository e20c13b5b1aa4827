import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import Piscina from 'piscina';
import { convertBody } from '../body/convert';
import type { ConvertedBody } from '../body/types';
import { contextFor, sharedContext, type BodyJob, type BodyTables } from './body-tables';

/** Up to this many bodies, starting worker threads (tsx and the converter loaded in each) costs more than it saves. */
const IN_PROCESS_UP_TO = 200;
/**
 * Bodies read ahead of the one being written, per thread: enough that a worker always has the
 * next bodies waiting while the importer's thread parses the export or writes (8 left the
 * worker idle a quarter of the time; decision 028).
 */
const AHEAD_PER_THREAD = 32;
/**
 * Bodies sent to each worker at once: it finds the next one in its queue rather than waiting
 * for the importer's thread to hand it over between two of its own tasks.
 */
const TASKS_PER_WORKER = 4;
/**
 * Bodies waiting on the workers, per thread, beyond which the importer's thread converts the
 * next body itself: when the workers fall behind, it does their work instead of waiting.
 */
const BACKLOG_PER_THREAD = 8;

export type BodyPoolOptions = {
  /** Worker threads converting bodies; 0 converts on the importer's own thread. Default: one per core but one (none for a few bodies). */
  threads?: number;
  /** Bodies converted ahead of the one being written. Default 32 per thread. */
  ahead?: number;
  /**
   * Bodies waiting on the workers beyond which this thread converts the next one itself
   * (default 8 per thread; Infinity never does).
   */
  backlog?: number;
  /** Each worker's heap limits (a test gives tiny ones to make a worker fail). */
  resourceLimits?: ResourceLimits;
};

/** Converts bodies, in process or on worker threads; `ahead` bounds the bodies in flight. */
export type BodyConverter = {
  threads: number;
  ahead: number;
  convert: (job: BodyJob) => Promise<ConvertedBody>;
  close: () => Promise<void>;
  /** Bodies converted on this thread and sent to the workers, so far. */
  converted: { here: number; workers: number };
};

/**
 * The worker count for `bodies` bodies: the option, else one per core but the one the importer
 * itself keeps busy (reading the export, writing files, comments), at least one; none for a
 * few bodies. On 2 cores a second worker only took turns with the importer's thread and cost
 * each worker's heap (decision 027).
 */
export function threadsFor(bodies: number, options: BodyPoolOptions): number {
  if (options.threads !== undefined) return Math.max(0, Math.floor(options.threads));
  return bodies <= IN_PROCESS_UP_TO ? 0 : Math.max(1, Math.min(availableParallelism() - 1, 8));
}

/**
 * The converter for an import of `bodies` bodies. On worker threads each worker receives the
 * tables once, when it starts, and a job is a body's HTML and its post's footnotes and
 * attachments; results come back in whatever order they finish, and the caller awaits them in
 * its own. While more than `backlog` bodies wait on the workers, the next is converted on this
 * thread, with the same tables: the same result, from whichever thread had the time.
 */
export function openBodyConverter(
  tables: BodyTables,
  bodies: number,
  options: BodyPoolOptions = {},
): BodyConverter {
  const threads = threadsFor(bodies, options);
  const shared = sharedContext(tables);
  const converted = { here: 0, workers: 0 };
  // A body that throws is a rejected promise, wherever it was converted.
  const convertHere = (job: BodyJob) => {
    converted.here += 1;
    return new Promise<ConvertedBody>((resolve) =>
      resolve(convertBody(job.html, contextFor(shared, job))),
    );
  };
  if (threads === 0) {
    return { threads, ahead: 0, convert: convertHere, close: () => Promise.resolve(), converted };
  }
  const pool = new Piscina<BodyJob, ConvertedBody>({
    filename: path.join(import.meta.dirname, 'body-worker.mjs'),
    workerData: tables,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: TASKS_PER_WORKER,
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
  });
  // A worker that dies with no body of its own (one starting in place of another) is an
  // 'error' on the pool: unheard, it would end the process; left running, the pool would start
  // worker after worker. The pool stops, and every body asked of it since fails with the cause.
  let broken: Error | null = null;
  pool.on('error', (error: unknown) => {
    broken ??= error instanceof Error ? error : new Error(String(error));
    void pool.destroy().catch(() => undefined);
  });
  const backlog = Math.max(1, options.backlog ?? BACKLOG_PER_THREAD * threads);
  let waiting = 0;
  return {
    threads,
    ahead: Math.max(1, Math.floor(options.ahead ?? AHEAD_PER_THREAD * threads)),
    convert: (job) => {
      if (broken) return Promise.reject(broken);
      if (waiting >= backlog) return convertHere(job);
      waiting += 1;
      converted.workers += 1;
      return pool
        .run(job)
        .catch((error: unknown) => {
          throw broken ?? error;
        })
        .finally(() => {
          waiting -= 1;
        });
    },
    close: () => pool.destroy().catch(() => undefined),
    converted,
  };
}
