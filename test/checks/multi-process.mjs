// Proves that comments reach every server process without a rebuild: two `next start` processes
// share one PostgreSQL; a comment posted through one and approved from the terminal appears on
// the article served by the other within the article's revalidation window (30 s).
//   TEST_DATABASE_URL=postgres://… node test/checks/multi-process.mjs   (after npm run build)
// Exits 0 when both processes showed the comment within 45 s. Loopback only; bounded in time.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { commentPoster, tokenWait } from '../support/comment-form.mjs';
import { scratchSchema } from '../support/pg-schema.mjs';
import { startNext } from '../support/server.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('multi-process check skipped: no TEST_DATABASE_URL');
  process.exit(0);
}
const run = randomBytes(4).toString('hex');
const schema = `multi_${run}`;
const scratch = await scratchSchema(url, schema);
const { admin } = scratch;
const env = { ...process.env, NODE_ENV: 'production', DATABASE_URL: scratch.url };
const article = '/world/kim-new-year-message-putin-alliance';
const ports = [3301, 3302];
const page = async (port) => (await fetch(`http://127.0.0.1:${port}${article}`)).text();

let ok = false;
let servers = [];
try {
  servers = await Promise.all(
    ports.map((port) =>
      startNext({ port, env: { DATABASE_URL: scratch.url }, readyPath: article }),
    ),
  );
  const text = `Seen everywhere ${run}`;
  // Both processes have the article cached before the comment exists.
  for (const port of ports)
    if ((await page(port)).includes(text)) throw new Error('comment seen too early');

  const base = `http://127.0.0.1:${ports[0]}`;
  const poster = commentPoster({
    base,
    articlePath: article,
    html: await page(ports[0]),
    mode: 'nojs',
  });
  await sleep(tokenWait(poster.hidden));
  const outcome = await poster.post(
    { name: `Reader ${run}`, email: `r-${run}@example.com`, website: '', comment: text },
    '198.51.100.77',
  );
  if (outcome !== 'held') throw new Error(`post was not held: ${outcome}`);
  const { rows } = await admin.query(`select id from ${schema}.comments where body = $1`, [text]);
  const id = rows[0]?.id;
  await promisify(execFile)('npm', ['run', '--silent', 'comments', '--', 'approve', String(id)], {
    cwd: root,
    env,
  });
  const approvedAt = Date.now();

  const seen = {};
  while (Date.now() - approvedAt < 75_000 && Object.keys(seen).length < ports.length) {
    for (const port of ports) {
      if (!seen[port] && (await page(port)).includes(text))
        seen[port] = (Date.now() - approvedAt) / 1000;
    }
    await sleep(1_000);
  }
  for (const port of ports) {
    console.log(
      seen[port] === undefined
        ? `process on ${port}: comment not shown after 75 s`
        : `process on ${port}: comment shown ${seen[port].toFixed(1)} s after approval`,
    );
  }
  ok = ports.every((port) => seen[port] !== undefined && seen[port] <= 45);
} catch (error) {
  console.error(error);
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  await scratch.drop();
}
console.log(ok ? 'multi-process check passed' : 'multi-process check FAILED');
process.exit(ok ? 0 : 1);
