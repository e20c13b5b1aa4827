// ADMIN_ORIGIN on a real server (docs/decisions/019), each scenario a test:
//   node test/run/check.mjs admin-origin [--only "pattern"]   (after npm run build)
// `next start` with ADMIN_ORIGIN=http://admin.localhost:PORT (PORT from the OS), asked with the
// Host headers a reverse proxy, a browser and an attacker would send. The admin area and preview
// answer on the admin host alone; the admin host renders no public page, yet loads its own
// scripts and styles; preview opens there and its cookie opens nothing on the public host; a
// setting that is not an origin stops the server, naming it.
// On its own copy of the build (copyBuild): signing in writes a session to the comments database
// in data/, and an article asked for after its revalidation window is rendered again into .next.
// Loopback only; bounded in time. Scenarios that need a signed-in moderator or an open preview
// sign in or open it first when run alone (`session`, `preview`).
import { rmSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyBuild, root } from '../support/build-copy.mjs';
import { freePort } from '../support/ports.mjs';
import { refusedNext, startNext } from '../support/server.mjs';

const PREVIEW_SECRET = 'a preview secret for the check';
const ADMIN_PASSWORD = 'an admin password for the check';
const DRAFT = '/politics/draft-council-housing-plan';
const ARTICLE = '/world/kim-new-year-message-putin-alliance';
const ADMIN_PATHS = ['/admin/comments', '/admin/preview', '/api/preview', '/api/preview/exit'];
const PUBLIC_PAGES = [ARTICLE, '/search?q=housing', '/world', '/feed.xml', '/world/invented'];
const NOT_FOUND_PAGE = /<h1[^>]*>We can.t find that page/;

/** The server's port, and the hosts it answers as (both name the port), once `before` ran. */
const at = { port: 0, admin: '', public: '' };

/**
 * One request with exactly the Host header given (none when `host` is null), which fetch does
 * not allow. Resolves with the status, headers and text.
 */
function ask(pathname, { host = at.public, method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: at.port,
        path: pathname,
        method,
        setHost: false,
        headers: { ...(host === null ? {} : { host }), ...headers },
        timeout: 30_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${pathname}: no answer in 30 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Memoises a set-up several scenarios share, so each also runs alone. */
const once = (make) => {
  let made;
  return () => (made ??= make());
};

/** The admin host's sign-in page. */
const adminPage = once(() => ask('/admin/comments', { host: at.admin }));

/** The sign-in form's POST, as the page's own form sends it. */
const signInRequest = once(async () => {
  const admin = await adminPage();
  const actionId = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(admin.text)?.[1];
  const form = new FormData();
  form.append(actionId ?? '$ACTION_ID_missing', '');
  form.append('password', ADMIN_PASSWORD);
  const encoded = new Request('http://x', { method: 'POST', body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  const headers = {
    'content-type': encoded.headers.get('content-type'),
    'content-length': String(body.length),
    origin: `http://${at.admin}`,
  };
  return { body, headers };
});

/** The moderator signs in on the admin host: the Set-Cookie of the session, if any. */
const session = once(async () => {
  const { body, headers } = await signInRequest();
  const signedIn = await ask('/admin/comments', { host: at.admin, method: 'POST', headers, body });
  return (signedIn.headers['set-cookie'] ?? []).find((c) => c.startsWith('masthead_admin='));
});

const previewForm = () => {
  const form = new URLSearchParams({ secret: PREVIEW_SECRET, path: DRAFT }).toString();
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': String(form.length),
  };
  return { form, headers };
};

/** Preview opened on the admin host: the answer, its cookies and the Cookie header they make. */
const preview = once(async () => {
  const { form, headers } = previewForm();
  const opened = await ask('/api/preview', { host: at.admin, method: 'POST', headers, body: form });
  const setCookies = opened.headers['set-cookie'] ?? [];
  const cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
  return { opened, setCookies, cookie };
});

/** Host headers that are not quite the admin host, each with the server's port. */
const STRANGERS = [
  'localhost',
  '127.0.0.1',
  'admin.localhost.',
  'admin.localhost.evil.com',
  'evil.com@admin.localhost',
  'xadmin.localhost',
];

/** The check's copy of the build. */
let dir = '';

describe('admin-origin', () => {
  before(() => {
    dir = copyBuild('admin-origin').dir;
  });
  // Also when copyBuild itself threw half way.
  after(() =>
    rmSync(path.join(root, 'test', '.scratch', 'admin-origin'), { recursive: true, force: true }),
  );

  describe('ADMIN_ORIGIN=http://admin.localhost:PORT', () => {
    let server;
    before(async () => {
      at.port = await freePort();
      at.admin = `admin.localhost:${at.port}`;
      at.public = `localhost:${at.port}`;
      server = await startNext({
        port: at.port,
        cwd: dir,
        env: { ADMIN_ORIGIN: `http://${at.admin}`, ADMIN_PASSWORD, PREVIEW_SECRET },
      });
    });
    after(async () => {
      await server?.stop();
    });

    test('admin host: /admin/comments answers its sign-in form, whose files from /_next/static load there', async () => {
      const admin = await adminPage();
      assert.equal(admin.status, 200);
      assert.match(admin.text, /type="password"/);
      const assets = [...admin.text.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map(
        (m) => m[1],
      );
      assert.ok(assets.length > 0, 'the admin page loads files from /_next/static');
      const loaded = await Promise.all(assets.slice(0, 6).map((a) => ask(a, { host: at.admin })));
      assert.deepEqual(
        loaded.map((r) => r.status),
        loaded.map(() => 200),
        'those files load there',
      );
    });

    test('admin host: the policy admits no ad provider', async () => {
      const admin = await adminPage();
      const policy = String(admin.headers['content-security-policy'] ?? '');
      assert.ok(policy.includes("frame-src 'none'"), policy);
    });

    test('admin host: / is sent to /admin/comments', async (t) => {
      const front = await ask('/', { host: at.admin });
      const to = new URL(front.headers.location ?? '', `http://${at.admin}`);
      t.diagnostic(`${front.status} ${front.headers.location}`);
      assert.equal(front.status, 303);
      assert.equal(to.host, at.admin);
      assert.equal(to.pathname, '/admin/comments');
    });

    test('admin host: public pages (article, search, section, feed, an unknown page) are 404s without a script', async () => {
      for (const pathname of PUBLIC_PAGES) {
        const page = await ask(pathname, { host: at.admin });
        assert.equal(page.status, 404, pathname);
        assert.doesNotMatch(page.text, /<script/i, pathname);
      }
    });

    test('admin host: files in public/ load (a previewed article’s pictures)', async () => {
      const logo = await ask('/logo.png', { host: at.admin });
      assert.equal(logo.status, 200);
    });

    // The public host, and every host that is not quite the admin host.
    for (const stranger of STRANGERS) {
      test(`host ${stranger}:PORT: the admin area and preview are the site’s 404`, async () => {
        const host = `${stranger}:${at.port}`;
        for (const pathname of ADMIN_PATHS) {
          const answer = await ask(pathname, { host });
          assert.equal(answer.status, 404, `${host} ${pathname}`);
          assert.match(answer.text, NOT_FOUND_PAGE, `${host} ${pathname}`);
        }
      });
    }

    // Node refuses an HTTP/1.1 request without a Host header itself, before Next or the proxy.
    test('no Host header: /admin/comments is refused (400)', async () => {
      const hostless = await ask('/admin/comments', { host: null });
      assert.equal(hostless.status, 400);
    });

    test('public host: X-Forwarded-Host naming the admin host changes nothing', async () => {
      const forwarded = await ask('/admin/comments', {
        headers: { 'x-forwarded-host': at.admin },
      });
      assert.equal(forwarded.status, 404);
    });

    test('ADMIN.LOCALHOST: a host name in capitals is the same host', async () => {
      const upper = await ask('/admin/comments', { host: at.admin.toUpperCase() });
      assert.equal(upper.status, 200);
    });

    test('public host: articles answer as before', async () => {
      const article = await ask(ARTICLE);
      assert.equal(article.status, 200);
    });

    // The moderator signs in through the page's own form: the session cookie is host-only, so a
    // browser sends it to the admin host alone, and the public host answers it nothing anyway.
    test('admin host: the sign-in form signs the moderator in, with a host-only session cookie (no Domain)', async () => {
      const cookie = await session();
      assert.ok(cookie !== undefined, 'the sign-in form signs the moderator in');
      assert.doesNotMatch(cookie, /;\s*domain=/i);
    });

    test('admin host: the session opens the queue', async () => {
      const cookie = (await session())?.split(';')[0] ?? '';
      const queue = await ask('/admin/comments', { host: at.admin, headers: { cookie } });
      assert.equal(queue.status, 200);
      assert.doesNotMatch(queue.text, /type="password"/);
    });

    test('public host: the same session cookie opens nothing', async () => {
      const cookie = (await session())?.split(';')[0] ?? '';
      const elsewhere = await ask('/admin/comments', { headers: { cookie } });
      assert.equal(elsewhere.status, 404);
    });

    test('public host: the sign-in form is a 404 and sets no cookie', async () => {
      const { body, headers } = await signInRequest();
      const posted = await ask('/admin/comments', {
        method: 'POST',
        headers: { ...headers, origin: `http://${at.public}` },
        body,
      });
      assert.equal(posted.status, 404);
      assert.equal(posted.headers['set-cookie'], undefined);
    });

    // Preview opens on the admin host, and its cookie opens nothing on the public host.
    test('public host: the preview form is a 404 and sets no cookie', async () => {
      const { form, headers } = previewForm();
      const refused = await ask('/api/preview', { method: 'POST', headers, body: form });
      assert.equal(refused.status, 404);
      assert.equal(refused.headers['set-cookie'], undefined);
    });

    test('admin host: the preview form opens preview, with host-only cookies (no Domain)', async () => {
      const { opened, setCookies } = await preview();
      assert.equal(opened.status, 303);
      assert.equal(opened.headers.location, DRAFT);
      assert.ok(
        setCookies.some((c) => c.startsWith('__prerender_bypass=')),
        setCookies.join('\n'),
      );
      for (const c of setCookies) assert.doesNotMatch(c, /;\s*domain=/i);
    });

    test('admin host: the draft shows with the preview cookie', async () => {
      const { cookie } = await preview();
      const draft = await ask(DRAFT, { host: at.admin, headers: { cookie } });
      assert.equal(draft.status, 200);
      assert.match(draft.text, /council housing plan/i);
    });

    test('public host: the preview cookie opens no draft, nor draft mode on a published article', async () => {
      const { cookie } = await preview();
      const leaked = await ask(DRAFT, { headers: { cookie } });
      assert.equal(leaked.status, 404, 'no draft');
      const published = await ask(ARTICLE, { headers: { cookie } });
      assert.equal(published.status, 404, 'nor draft mode on a published article');
    });
  });

  /** A server with an ADMIN_ORIGIN that is not an origin must stop at once, naming the setting. */
  describe('an ADMIN_ORIGIN that is not an origin', () => {
    for (const value of [
      'https://*.example.org',
      'https://admin.example.org/admin',
      'admin.example.org',
    ]) {
      test(`ADMIN_ORIGIN=${JSON.stringify(value)} stops the server, naming it`, async (t) => {
        const { code, said } = await refusedNext({
          port: await freePort(),
          cwd: dir,
          env: { ADMIN_ORIGIN: value },
          timeoutMs: 30_000,
        });
        t.diagnostic(`exit ${code === null ? 'none: still running after 30 s' : code}`);
        assert.equal(code, 1, said);
        assert.match(said, /ADMIN_ORIGIN/);
      });
    }
  });
});
