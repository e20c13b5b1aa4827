import { agree, AGREEMENT_KEY, AGREEMENT_TTL_S, missingSettings, ownSettings } from './agreement';
import { databaseOf, ensureKeyspaceEvents } from './keyspace-events';
import { redisClient, within } from './redis';

/** How long a start waits on Redis before it serves without having compared. */
const START_WAIT_MS = 5_000;

/**
 * Run once as a production server starts with REDIS_URL (instrumentation.ts): refuses to serve
 * without the settings instances must share, with ones that differ from the running instances',
 * or against a Redis that does not send the events the shared page cache needs and will not
 * let them be set; and keeps this instance's record alive while it runs. A Redis that is down,
 * slow, full or read-only is warned about, not refused: pages are served without it
 * (lib/cluster/cache-handler.mjs).
 */
export async function joinCluster(): Promise<void> {
  const missing = missingSettings();
  const client = redisClient();
  if (!client || !process.env.REDIS_URL) return;
  let problems = missing;
  if (problems.length === 0) {
    // Waits briefly for the connection; without Redis there is nothing to compare with.
    const ready = await within(
      new Promise<boolean>((resolve) => {
        if (client.isReady) resolve(true);
        else client.once('ready', () => resolve(true));
      }),
      START_WAIT_MS,
    ).catch(() => false);
    if (!ready) {
      console.warn('Masthead: Redis did not answer at start; the settings were not compared.');
    } else {
      problems = await startChecks(client, databaseOf(process.env.REDIS_URL));
    }
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(`Masthead: ${problem}`);
    console.error('Masthead: this instance stops rather than serve pages the others cannot.');
    process.exit(1);
  }
  setInterval(() => {
    if (client.isReady) void client.expire(AGREEMENT_KEY, AGREEMENT_TTL_S).catch(() => {});
  }, 30_000).unref();
}

async function startChecks(client: NonNullable<ReturnType<typeof redisClient>>, database: number) {
  const problems: string[] = [];
  try {
    const events = await within(ensureKeyspaceEvents(client, database), START_WAIT_MS);
    if (!events.ok) problems.push(events.problem);
    else if (events.changed) console.warn(`Masthead: ${events.changed} (docs/operations.md).`);
  } catch (error) {
    console.warn(
      `Masthead: Redis's keyspace events were not checked (${(error as Error).message}).`,
    );
  }
  try {
    problems.push(...(await within(agree(client, ownSettings()), START_WAIT_MS)));
  } catch (error) {
    // Full (OOM) or read-only (a replica): nothing can be recorded, and pages are served anyway.
    console.warn(
      `Masthead: the settings were not compared through Redis (${(error as Error).message}).`,
    );
  }
  return problems;
}
