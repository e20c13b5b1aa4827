import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { ResourceLimits } from 'node:worker_threads';
import Piscina from 'piscina';
import { convertBody } from '../body/convert';
import type { ConvertedBody } from '../body/types';
import { contextFor, sharedContext, type BodyJob, type BodyTables } from './body-tables';

/** Up to this many bodies, starting worker threads (tsx and the converter loaded in each) costs more than it saves. */
const IN_PROCESS_UP_TO = 200;
/** Bodies converted ahead of the one being written, per thread: enough to keep each busy. */
const AHEAD_PER_THREAD = 8;

export type BodyPoolOptions = {
  /** Worker threads converting bodies; 0 converts on the importer's own thread. Default: one per core but one (none for a few bodies). */
  threads?: number;
  /** Bodies converted ahead of the one being written. Default 8 per thread. */
  ahead?: number;
  /** Each worker's heap limits (a test gives tiny ones to make a worker fail). */
  resourceLimits?: ResourceLimits;
};

/** Converts bodies, in process or on worker threads; `ahead` bounds the bodies in flight. */
export type BodyConverter = {
  threads: number;
  ahead: number;
  convert: (job: BodyJob) => Promise<ConvertedBody>;
  close: () => Promise<void>;
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
 * its own.
 */
export function openBodyConverter(
  tables: BodyTables,
  bodies: number,
  options: BodyPoolOptions = {},
): BodyConverter {
  const threads = threadsFor(bodies, options);
  if (threads === 0) {
    const shared = sharedContext(tables);
    return {
      threads,
      ahead: 0,
      convert: (job) => Promise.resolve(convertBody(job.html, contextFor(shared, job))),
      close: () => Promise.resolve(),
    };
  }
  const pool = new Piscina<BodyJob, ConvertedBody>({
    filename: path.join(import.meta.dirname, 'body-worker.mjs'),
    workerData: tables,
    minThreads: threads,
    maxThreads: threads,
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
  return {
    threads,
    ahead: Math.max(1, Math.floor(options.ahead ?? AHEAD_PER_THREAD * threads)),
    convert: (job) =>
      broken
        ? Promise.reject(broken)
        : pool.run(job).catch((error: unknown) => {
            throw broken ?? error;
          }),
    close: () => pool.destroy().catch(() => undefined),
  };
}
