// One instance killed with SIGKILL in the middle of 20 s of readers and commenters going
// through nginx: what failed, when, and whether every accepted comment was stored once.
import { setTimeout as sleep } from 'node:timers/promises';
import { getLoad, percentile } from './load.mjs';

/**
 * Runs the failover against a started cluster (./start.mjs), reading `paths`; kills instance b
 * 6 s in. Resolves to what the check judges and the figures it keeps.
 */
export async function failover(cluster, paths) {
  const { run, nginx, b, db } = cluster;
  const accepted = [];
  const refusals = [];
  const killAt = Date.now() + 6_000;
  const commenters = Array.from({ length: 4 }, async (_, c) => {
    const deadline = Date.now() + 20_000;
    for (let n = 0; Date.now() < deadline; n++) {
      const words = `Failover ${run} commenter ${c} comment ${n}`;
      const at = Date.now();
      try {
        const outcome = await cluster.post(words, `127.0.${10 + c}.${(n % 250) + 1}`);
        if (outcome === 'held' || outcome === 'published') accepted.push(words);
        else if (/^HTTP 5/.test(outcome)) refusals.push({ at, end: Date.now(), outcome });
      } catch (error) {
        refusals.push({ at, end: Date.now(), outcome: String(error) });
      }
    }
  });
  const [readers] = await Promise.all([
    getLoad({ base: nginx.base, paths, connections: 16, seconds: 20 }),
    (async () => {
      await sleep(killAt - Date.now());
      await b.kill();
    })(),
    ...commenters,
  ]);
  // Each failure with when it started and ended: a reader's result says when it ended.
  const failed = [
    ...readers
      .filter((r) => r.status === 0 || r.status >= 500)
      .map((r) => ({ start: r.at - r.ms, end: r.at, what: `GET status ${r.status}` })),
    ...refusals.map((r) => ({ start: r.at, end: r.end, what: r.outcome })),
  ];
  // A response the killed instance had begun to send cannot be finished by anyone: nginx can
  // resend a request only while nothing of its answer has reached the reader. Those requests,
  // in flight at the kill, are counted apart; every request that started after it must succeed.
  const cut = failed.filter((f) => f.start < killAt && f.end >= killAt);
  const after = failed.filter((f) => f.start >= killAt);
  const before = failed.filter((f) => f.end < killAt);
  const gap = after.length > 0 ? Math.max(...after.map((f) => f.end)) - killAt : 0;
  const notes = failed
    .slice(0, 5)
    .map((f) => `failed: ${f.what}, from ${f.start - killAt} to ${f.end - killAt} ms of the kill`);
  const { rows: stored } = await db.query('select body from comments where body like $1', [
    `Failover ${run} %`,
  ]);
  const storedSet = new Set(stored.map((r) => r.body));
  const lost = accepted.filter((words) => !storedSet.has(words)).length;
  if (after.length + before.length > 0) {
    // What nginx made of it: which upstream it gave up on, and why.
    const log = nginx.errors().trim().split('\n').slice(-15);
    for (const line of log) notes.push(`nginx: ${line.slice(0, 300)}`);
  }
  return {
    reads: readers.length,
    posts: accepted.length + refusals.length,
    accepted: accepted.length,
    // Failed though not in flight at the kill: each of these is a failure of the check.
    uncut: after.length + before.length,
    cut: cut.length,
    gap,
    lost,
    // A post retried on the other instance after its first one died must not be stored twice.
    twice: stored.length - storedSet.size,
    notes,
    figures: {
      requests: readers.length,
      failed: failed.length,
      cutAtKill: cut.length,
      gapMs: gap,
      comments: accepted.length,
      lost,
      p95: Math.round(
        percentile(
          readers.filter((r) => r.status === 200).map((r) => r.ms),
          95,
        ),
      ),
    },
  };
}
