// The push webhook against a real server, scenarios of test/checks/publish.mjs (not a check of
// its own): a signed push publishes even after a flood of forged ones; a redelivered push,
// another repository's, an old commit replayed under a new delivery id and a commit with
// symbolic links in content/ publish nothing (docs/decisions/018); and a token in
// PUBLISH_REMOTE is printed nowhere.
//
// The redelivery and the replay need an accepted push before them: run after the flood they use
// its push; run alone (--only) they push a story of their own first (`acceptedPush`).
import { createHmac, randomUUID } from 'node:crypto';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freePort } from '../support/ports.mjs';

/** The repository the server publishes (PUBLISH_REPOSITORY); pushes name it as GitHub would. */
export const REPOSITORY = 'newsroom/content';

/**
 * Adds the push webhook's scenarios to the suite being described. `ctx` is filled in by the
 * suite's `before` (its server, its copy, the content repository and a colleague's clone).
 * @param {{
 *   ctx: { dir: string, server: { base: string, log: () => string }, desk: string },
 *   secret: string,
 *   runPublish: (args: string[], env?: Record<string, string>) =>
 *     Promise<{ code: number | null, output: string }>,
 *   git: (cwd: string, ...args: string[]) => string,
 *   article: (title: string) => string,
 *   page: (base: string, url: string) => Promise<{ status: number, text: string }>,
 *   waitFor: (predicate: () => Promise<boolean>, ms: number) => Promise<boolean>,
 * }} c
 */
export function describePushes(c) {
  const { ctx, git } = c;
  const storyFile = () => path.join(ctx.desk, 'content', 'articles', 'publish-check-pushed.mdx');
  const shows = async (title) =>
    (await c.page(ctx.server.base, '/world/publish-check-pushed')).text.includes(title);

  /** Commits what the desk has and pushes it; the commit id. */
  const commitAndPush = (message) => {
    git(ctx.desk, 'add', '-A');
    git(ctx.desk, 'commit', '--quiet', '-m', message);
    git(ctx.desk, 'push', '--quiet', 'origin', 'main');
    return git(ctx.desk, 'rev-parse', 'HEAD');
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
    fetch(`${ctx.server.base}/api/publish`, {
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
  const logSays = (text) => c.waitFor(async () => ctx.server.log().includes(text), 60_000);

  const pushedTitle = 'Publish check: a story from a push';
  /**
   * The push the server accepted and published: the flood scenario's, or (for a scenario run
   * without it) one pushed and sent as set-up.
   * @type {{ sha: string, body: string, delivery: string } | undefined}
   */
  let accepted;
  /** The correction pushed after it, once the replay scenario has made one. */
  let correction;

  async function acceptedPush() {
    if (accepted) return accepted;
    writeFileSync(storyFile(), c.article(pushedTitle));
    const sha = commitAndPush('A story from a push');
    const body = pushBody(sha);
    const delivery = randomUUID();
    const answer = await send(body, { delivery });
    assert.equal(answer.status, 202, 'set-up: a signed push is accepted');
    assert.ok(await c.waitFor(() => shows(pushedTitle), 30_000), 'set-up: the push is live');
    accepted = { sha, body, delivery };
    return accepted;
  }

  // A colleague commits an article and pushes, while strangers flood the webhook with forgeries
  // from 120 networks and from one; the git host's own push must still publish.
  test('push webhook: after 240 forged deliveries (401, then 429) a signed push answers 202 and is live within 30 s', async (t) => {
    writeFileSync(storyFile(), c.article(pushedTitle));
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
    const answer = await send(body, { delivery, from: '203.0.113.9' });
    const live = await c.waitFor(() => shows(pushedTitle), 30_000);
    if (answer.status === 202 && live) accepted = { sha: first, body, delivery };
    t.diagnostic(
      `forged deliveries answered ${[...forged].map(([s, n]) => `${n}× ${s}`).join(', ')}; the signed push answers ${answer.status} and is live ${live ? `after ${Date.now() - pushedAt} ms` : 'never (within 30 s)'}`,
    );
    assert.equal([...forged.keys()].sort().join(', '), '401, 429');
    assert.equal(answer.status, 202);
    assert.ok(live, 'the pushed story is live within 30 s');
  });

  // GitHub's "Redeliver" on that delivery: same body, same signature, same id.
  test('push webhook: a redelivered push (same delivery id) answers 409', async (t) => {
    const { body, delivery } = await acceptedPush();
    const redelivered = await send(body, { delivery });
    const says = (await redelivered.json()).error ?? '';
    t.diagnostic(`a redelivered push answers ${redelivered.status}: ${says}`);
    assert.equal(redelivered.status, 409);
    assert.ok(says.includes('received before'), says);
  });

  // A push of another repository, signed with the same secret.
  test('push webhook: a push of another repository answers 403', async (t) => {
    const elsewhere = await send(pushBody(git(ctx.desk, 'rev-parse', 'HEAD'), 'someone/else'));
    const says = (await elsewhere.json()).error ?? '';
    t.diagnostic(`a push of another repository answers ${elsewhere.status}: ${says}`);
    assert.equal(elsewhere.status, 403);
    assert.ok(says.includes(`PUBLISH_REPOSITORY is "${REPOSITORY}"`), says);
  });

  // The story is corrected and the correction pushed; then the first push is replayed under a
  // new delivery id (the id is not signed): the old commit must not come back.
  test('push webhook: an old push replayed under a new delivery id is refused, and the correction stays live', async (t) => {
    const { sha: first, body } = await acceptedPush();
    const corrected = 'Publish check: a story from a push, corrected';
    writeFileSync(storyFile(), c.article(corrected));
    correction = commitAndPush('Correction');
    const correctionSent = await send(pushBody(correction));
    const correctedLive = await c.waitFor(() => shows(corrected), 30_000);
    const replayed = await send(body);
    const refusedOld = await logSays(`commit ${first} refused: it is not the branch head`);
    t.diagnostic(
      `the server's log says ${refusedOld ? `"commit ${first.slice(0, 7)}… refused: it is not the branch head …"` : 'nothing (within 60 s)'}`,
    );
    assert.equal(correctionSent.status, 202, 'the correction is accepted');
    assert.ok(correctedLive, 'the correction is live within 30 s');
    assert.equal(replayed.status, 202, 'the replay is answered 202 (its publish is refused)');
    assert.ok(refusedOld, 'the log says the old commit was refused');
    assert.ok(await shows(corrected), 'the correction stays live');
  });

  // A commit whose content/ holds a folder linking to itself and a link to a host file.
  test('push webhook: a pushed commit with a link loop and a link to /etc/passwd is refused, each link named', async (t) => {
    const articles = path.join(ctx.desk, 'content', 'articles');
    symlinkSync('.', path.join(articles, 'publish-check-loop'));
    symlinkSync('/etc/passwd', path.join(articles, 'publish-check-passwd.mdx'));
    const linked = commitAndPush('Links');
    const linkedSent = await send(pushBody(linked));
    const refusedLinks = await logSays(`commit ${linked} refused: content/ must hold only files`);
    const log = ctx.server.log();
    const named = ['publish-check-loop', 'publish-check-passwd.mdx'].every((name) =>
      log.includes(`"content/articles/${name}" is a symbolic link`),
    );
    const passwd = await c.page(ctx.server.base, '/world/publish-check-passwd');
    t.diagnostic(
      `${refusedLinks && named ? 'refused, each link named in the server log' : 'not refused by name (within 60 s)'}; /world/publish-check-passwd answers ${passwd.status}`,
    );
    assert.equal(linkedSent.status, 202);
    assert.ok(refusedLinks, 'the log says the commit was refused');
    assert.ok(named, 'the log names each link');
    assert.equal(passwd.status, 404);
  });

  // A token in PUBLISH_REMOTE, and a fetch that fails: the token is printed nowhere.
  test('push webhook: a token in PUBLISH_REMOTE is printed nowhere when its fetch fails', async (t) => {
    const token = 'ghs_PublishCheckToken0042';
    const port = await freePort(); // nothing listens on it
    const sha = correction ?? git(ctx.desk, 'rev-parse', 'HEAD');
    const fetchRun = await c.runPublish(['--commit', sha, '--no-notify'], {
      PUBLISH_REMOTE: `http://x-access-token:${token}@127.0.0.1:${port}/content.git`,
    });
    const output = fetchRun.output;
    t.diagnostic(
      `exits ${fetchRun.code}, names 127.0.0.1:${port}: ${output.includes(`127.0.0.1:${port}`)}; the token is ${output.includes(token) ? 'PRINTED' : 'nowhere in its output'}`,
    );
    assert.ok(!output.includes(token), 'the token is printed nowhere');
    assert.equal(fetchRun.code, 1, output);
    assert.ok(output.includes(`127.0.0.1:${port}`), output);
  });
}
