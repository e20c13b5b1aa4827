// The push webhook against a real server, for test/checks/publish.mjs: a signed push publishes
// even after a flood of forged ones; a redelivered push, another repository's, an old commit
// replayed under a new delivery id and a commit with symbolic links in content/ publish nothing
// (docs/decisions/018); and a token in PUBLISH_REMOTE is printed nowhere.
import { spawnSync } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** The repository the server publishes (PUBLISH_REPOSITORY); pushes name it as GitHub would. */
export const REPOSITORY = 'newsroom/content';

/**
 * @param {{
 *   server: { base: string, log: () => string },
 *   secret: string,
 *   desk: string,
 *   scratch: string,
 *   tsx: string,
 *   git: (cwd: string, ...args: string[]) => string,
 *   article: (title: string) => string,
 *   page: (base: string, url: string) => Promise<{ status: number, text: string }>,
 *   waitFor: (predicate: () => Promise<boolean>, ms: number) => Promise<boolean>,
 *   report: (ok: boolean, line: string) => void,
 * }} c
 */
export async function checkPushes(c) {
  const { server, desk, git, report } = c;
  const storyFile = path.join(desk, 'content', 'articles', 'publish-check-pushed.mdx');
  const shows = async (title) =>
    (await c.page(server.base, '/world/publish-check-pushed')).text.includes(title);

  /** Commits what the desk has and pushes it; the commit id. */
  const commitAndPush = (message) => {
    git(desk, 'add', '-A');
    git(desk, 'commit', '--quiet', '-m', message);
    git(desk, 'push', '--quiet', 'origin', 'main');
    return git(desk, 'rev-parse', 'HEAD');
  };
  const pushBody = (sha, repository = REPOSITORY) =>
    JSON.stringify({
      ref: 'refs/heads/main',
      before: '0'.repeat(40),
      after: sha,
      repository: { full_name: repository },
    });
  const sign = (body) => `sha256=${createHmac('sha256', c.secret).update(body).digest('hex')}`;
  /** A push delivery as GitHub sends one; `from` is the network it appears to come from. */
  const send = (body, { signature = sign(body), delivery = randomUUID(), from } = {}) =>
    fetch(`${server.base}/api/publish`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'push',
        'x-github-delivery': delivery,
        'x-hub-signature-256': signature,
        ...(from ? { 'x-forwarded-for': from } : {}),
      },
      body,
    });
  /** Waits for the server's log to say `text` (the background publish's refusal). */
  const logSays = (text) => c.waitFor(async () => server.log().includes(text), 60_000);

  // A colleague commits an article and pushes, while strangers flood the webhook with forgeries
  // from 120 networks and from one; the git host's own push must still publish.
  const pushedTitle = 'Publish check: a story from a push';
  writeFileSync(storyFile, c.article(pushedTitle));
  const first = commitAndPush('A story from a push');
  const body = pushBody(first);
  const forged = new Map();
  for (let i = 0; i < 120; i++) {
    for (const from of [`198.51.${i}.7`, '203.0.113.9']) {
      const { status } = await send(body, { signature: `sha256=${'0'.repeat(64)}`, from });
      forged.set(status, (forged.get(status) ?? 0) + 1);
    }
  }
  const delivery = randomUUID();
  const pushedAt = Date.now();
  const accepted = await send(body, { delivery, from: '203.0.113.9' });
  const live = await c.waitFor(() => shows(pushedTitle), 30_000);
  const forgedStatuses = [...forged.keys()].sort().join(', ');
  report(
    forgedStatuses === '401, 429' && accepted.status === 202 && live,
    `push webhook after 240 forged deliveries (answered ${[...forged].map(([s, n]) => `${n}× ${s}`).join(', ')}): the signed push answers ${accepted.status} and is live ${live ? `after ${Date.now() - pushedAt} ms` : 'never (within 30 s)'}`,
  );

  // GitHub's "Redeliver" on that delivery: same body, same signature, same id.
  const redelivered = await send(body, { delivery });
  const redeliveredSays = (await redelivered.json()).error ?? '';
  report(
    redelivered.status === 409 && redeliveredSays.includes('received before'),
    `a redelivered push answers ${redelivered.status}: ${redeliveredSays}`,
  );

  // A push of another repository, signed with the same secret.
  const elsewhere = await send(pushBody(first, 'someone/else'));
  const elsewhereSays = (await elsewhere.json()).error ?? '';
  report(
    elsewhere.status === 403 && elsewhereSays.includes(`PUBLISH_REPOSITORY is "${REPOSITORY}"`),
    `a push of another repository answers ${elsewhere.status}: ${elsewhereSays}`,
  );

  // The story is corrected and the correction pushed; then the first push is replayed under a
  // new delivery id (the id is not signed): the old commit must not come back.
  const corrected = 'Publish check: a story from a push, corrected';
  writeFileSync(storyFile, c.article(corrected));
  const correction = commitAndPush('Correction');
  const correctionSent = await send(pushBody(correction));
  const correctedLive = await c.waitFor(() => shows(corrected), 30_000);
  const replayed = await send(body);
  const refusedOld = await logSays(`commit ${first} refused: it is not the branch head`);
  report(
    correctionSent.status === 202 &&
      correctedLive &&
      replayed.status === 202 &&
      refusedOld &&
      (await shows(corrected)),
    `an old push replayed under a new delivery id: the server's log says ${refusedOld ? `"commit ${first.slice(0, 7)}… refused: it is not the branch head …"` : 'nothing (within 60 s)'}, and the correction stays live`,
  );

  // A commit whose content/ holds a folder linking to itself and a link to a host file.
  const articles = path.join(desk, 'content', 'articles');
  symlinkSync('.', path.join(articles, 'publish-check-loop'));
  symlinkSync('/etc/passwd', path.join(articles, 'publish-check-passwd.mdx'));
  const linked = commitAndPush('Links');
  const linkedSent = await send(pushBody(linked));
  const refusedLinks = await logSays(`commit ${linked} refused: content/ must hold only files`);
  const log = server.log();
  const named = ['publish-check-loop', 'publish-check-passwd.mdx'].every((name) =>
    log.includes(`"content/articles/${name}" is a symbolic link`),
  );
  const passwd = await c.page(server.base, '/world/publish-check-passwd');
  report(
    linkedSent.status === 202 && refusedLinks && named && passwd.status === 404,
    `a pushed commit with a link loop and a link to /etc/passwd: ${refusedLinks && named ? 'refused, each link named in the server log' : 'not refused by name (within 60 s)'}; /world/publish-check-passwd answers ${passwd.status}`,
  );

  // A token in PUBLISH_REMOTE, and a fetch that fails: the token is printed nowhere.
  const token = 'ghs_PublishCheckToken0042';
  const port = await closedPort();
  const fetchRun = spawnSync(
    c.tsx,
    [path.join(c.scratch, 'scripts', 'publish.ts'), '--commit', correction, '--no-notify'],
    {
      cwd: c.scratch,
      encoding: 'utf8',
      env: {
        ...process.env,
        PUBLISH_REMOTE: `http://x-access-token:${token}@127.0.0.1:${port}/content.git`,
      },
    },
  );
  const output = `${fetchRun.stdout}${fetchRun.stderr}`;
  report(
    fetchRun.status === 1 && output.includes(`127.0.0.1:${port}`) && !output.includes(token),
    `a fetch from a remote with a token that fails: exits ${fetchRun.status}, names 127.0.0.1:${port}, and the token is ${output.includes(token) ? 'PRINTED' : 'nowhere in its output'}`,
  );
  if (output.includes(token) || fetchRun.status !== 1) console.log(output);
}

/** A loopback port nothing listens on. */
async function closedPort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
