import { agree, AGREEMENT_KEY, AGREEMENT_TTL_S, missingSettings, ownSettings } from './agreement';
import { redisClient } from './redis';

/**
 * Run once as a production server starts with REDIS_URL (instrumentation.ts): refuses to serve
 * without the settings instances must share, or with ones that differ from the running
 * instances', and keeps this instance's record alive while it runs.
 */
export async function joinCluster(): Promise<void> {
  const missing = missingSettings();
  const client = redisClient();
  if (!client) return;
  let problems = missing;
  if (problems.length === 0) {
    // Waits briefly for the connection; without Redis there is nothing to compare with.
    const ready = await Promise.race([
      new Promise<boolean>((resolve) => {
        if (client.isReady) resolve(true);
        else client.once('ready', () => resolve(true));
      }),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000)),
    ]);
    if (!ready) {
      console.warn('Masthead: Redis did not answer at start; the settings were not compared.');
    } else {
      problems = await agree(client, ownSettings());
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
