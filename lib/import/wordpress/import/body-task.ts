import { workerData } from 'piscina';
import { convertBody } from '../body/convert';
import type { ConvertedBody } from '../body/types';
import { contextFor, sharedContext, type BodyJob, type BodyTables } from './body-tables';

// Built once per thread from the tables the pool hands every worker when it starts.
const shared = sharedContext(workerData as BodyTables);

/** One body, converted on a worker thread with the import's shared context. */
export function convertJob(job: BodyJob): ConvertedBody {
  return convertBody(job.html, contextFor(shared, job));
}
