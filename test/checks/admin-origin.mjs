// ADMIN_ORIGIN on a real server (docs/decisions/019): `next start` on the existing build with
// ADMIN_ORIGIN=http://admin.localhost:PORT, asked with the Host headers a reverse proxy, a browser
// and an attacker would send. The admin area and preview answer on the admin host alone; the
// admin host renders no public page, yet loads its own scripts and styles; preview opens there
// and its cookie opens nothing on the public host; a setting that is not an origin stops the
// server, naming it.
//   node test/checks/admin-origin.mjs   (after npm run build)
// Exits 0 when every expectation held. Loopback only; bounded in time.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { startNext } from '../support/server.mjs';

const root = path.resolve(import.meta.dirname, '..', '..');
const PORT = Number(process.env.ADMIN_ORIGIN_CHECK_PORT ?? 3237);
const ADMIN = `admin.localhost:${PORT}`;
const PUBLIC = `localhost:${PORT}`;
const PREVIEW_SECRET = 'a preview secret for the check';
const ADMIN_PASSWORD = 'an admin password for the check';
const DRAFT = '/politics/draft-council-housing-plan';
const ARTICLE = '/world/kim-new-year-message-putin-alliance';
const ADMIN_PATHS = ['/admin/comments', '/admin/preview', '/api/preview', '/api/preview/exit'];

const failures = [];
const expect = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

/**
 * One request with exactly the Host header given (none when `host` is null), which fetch does
 * not allow. Resolves with the status, headers and text.
 */
function ask(pathname, { host = PUBLIC, method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: PORT,
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

const NOT_FOUND_PAGE = /<h1[^>]*>We can.t find that page/;

async function checkServer() {
  // Admin host: the admin area, with its own scripts and styles from _next/.
  const admin = await ask('/admin/comments', { host: ADMIN });
  expect(
    admin.status === 200 && /type="password"/.test(admin.text),
    'admin host: /admin/comments answers its sign-in form',
  );
  const assets = [...admin.text.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map(
    (m) => m[1],
  );
  expect(assets.length > 0, 'admin host: the admin page loads files from /_next/static');
  const loaded = await Promise.all(assets.slice(0, 6).map((a) => ask(a, { host: ADMIN })));
  expect(
    loaded.every((r) => r.status === 200),
    'admin host: those files load there',
  );
  const policy = String(admin.headers['content-security-policy'] ?? '');
  expect(policy.includes("frame-src 'none'"), 'admin host: the policy admits no ad provider');

  // Admin host: no public page, no script of one.
  const front = await ask('/', { host: ADMIN });
  const to = new URL(front.headers.location ?? '', `http://${ADMIN}`);
  expect(
    front.status === 303 && to.host === ADMIN && to.pathname === '/admin/comments',
    `admin host: / is sent to /admin/comments (${front.status} ${front.headers.location})`,
  );
  for (const pathname of [ARTICLE, '/search?q=housing', '/world', '/feed.xml', '/world/invented']) {
    const page = await ask(pathname, { host: ADMIN });
    expect(
      page.status === 404 && !/<script/i.test(page.text),
      `admin host: ${pathname} is a 404 without a script`,
    );
  }
  const logo = await ask('/logo.png', { host: ADMIN });
  expect(logo.status === 200, 'admin host: files in public/ load (a previewed article’s pictures)');

  // Public host, and every host that is not quite the admin host.
  const strangers = [
    PUBLIC,
    `127.0.0.1:${PORT}`,
    `admin.localhost.:${PORT}`,
    `admin.localhost.evil.com:${PORT}`,
    `evil.com@admin.localhost:${PORT}`,
    `xadmin.localhost:${PORT}`,
  ];
  for (const host of strangers) {
    for (const pathname of ADMIN_PATHS) {
      const answer = await ask(pathname, { host });
      expect(
        answer.status === 404 && NOT_FOUND_PAGE.test(answer.text),
        `host ${JSON.stringify(host)}: ${pathname} is the site’s 404`,
      );
    }
  }
  // Node refuses an HTTP/1.1 request without a Host header itself, before Next or the proxy.
  const hostless = await ask('/admin/comments', { host: null });
  expect(hostless.status === 400, `no Host header: /admin/comments refused (${hostless.status})`);
  const forwarded = await ask('/admin/comments', { headers: { 'x-forwarded-host': ADMIN } });
  expect(
    forwarded.status === 404,
    'public host: X-Forwarded-Host naming the admin host changes nothing',
  );
  const upper = await ask('/admin/comments', { host: ADMIN.toUpperCase() });
  expect(upper.status === 200, 'ADMIN.LOCALHOST: a host name in capitals is the same host');
  const article = await ask(ARTICLE);
  expect(article.status === 200, 'public host: articles answer as before');

  // The moderator signs in through the page's own form: the session cookie is host-only, so a
  // browser sends it to the admin host alone, and the public host answers it nothing anyway.
  const actionId = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(admin.text)?.[1];
  const signIn = new FormData();
  signIn.append(actionId ?? '$ACTION_ID_missing', '');
  signIn.append('password', ADMIN_PASSWORD);
  const encoded = new Request('http://x', { method: 'POST', body: signIn });
  const signInBody = Buffer.from(await encoded.arrayBuffer());
  const signInHeaders = {
    'content-type': encoded.headers.get('content-type'),
    'content-length': String(signInBody.length),
    origin: `http://${ADMIN}`,
  };
  const signedIn = await ask('/admin/comments', {
    host: ADMIN,
    method: 'POST',
    headers: signInHeaders,
    body: signInBody,
  });
  const session = (signedIn.headers['set-cookie'] ?? []).find((c) =>
    c.startsWith('masthead_admin='),
  );
  expect(session !== undefined, 'admin host: the sign-in form signs the moderator in');
  expect(
    session !== undefined && !/;\s*domain=/i.test(session),
    'admin host: the session cookie is host-only (no Domain)',
  );
  const sessionCookie = session?.split(';')[0] ?? '';
  const queue = await ask('/admin/comments', { host: ADMIN, headers: { cookie: sessionCookie } });
  expect(
    queue.status === 200 && !/type="password"/.test(queue.text),
    'admin host: the session opens the queue',
  );
  const elsewhere = await ask('/admin/comments', { headers: { cookie: sessionCookie } });
  expect(elsewhere.status === 404, 'public host: the same session cookie opens nothing');
  const posted = await ask('/admin/comments', {
    method: 'POST',
    headers: { ...signInHeaders, origin: `http://${PUBLIC}` },
    body: signInBody,
  });
  expect(
    posted.status === 404 && !posted.headers['set-cookie'],
    'public host: the sign-in form is a 404 and sets no cookie',
  );

  // Preview opens on the admin host, and its cookie opens nothing on the public host.
  const form = new URLSearchParams({ secret: PREVIEW_SECRET, path: DRAFT }).toString();
  const formHeaders = {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': String(form.length),
  };
  const refused = await ask('/api/preview', { method: 'POST', headers: formHeaders, body: form });
  expect(
    refused.status === 404 && !refused.headers['set-cookie'],
    'public host: the preview form is a 404 and sets no cookie',
  );
  const opened = await ask('/api/preview', {
    host: ADMIN,
    method: 'POST',
    headers: formHeaders,
    body: form,
  });
  const setCookies = opened.headers['set-cookie'] ?? [];
  const bypass = setCookies.find((c) => c.startsWith('__prerender_bypass='));
  expect(
    opened.status === 303 && opened.headers.location === DRAFT && bypass !== undefined,
    'admin host: the preview form opens preview',
  );
  expect(
    setCookies.every((c) => !/;\s*domain=/i.test(c)),
    'admin host: its cookies are host-only (no Domain)',
  );
  const cookie = setCookies.map((c) => c.split(';')[0]).join('; ');
  const draft = await ask(DRAFT, { host: ADMIN, headers: { cookie } });
  expect(
    draft.status === 200 && /council housing plan/i.test(draft.text),
    'admin host: the draft shows with the preview cookie',
  );
  const leaked = await ask(DRAFT, { headers: { cookie } });
  expect(leaked.status === 404, 'public host: the same cookie opens no draft');
  const published = await ask(ARTICLE, { headers: { cookie } });
  expect(published.status === 404, 'public host: nor draft mode on a published article');
}

/** A server with an ADMIN_ORIGIN that is not an origin must stop at once, naming the setting. */
async function checkRefusal(value) {
  const next = createRequire(path.join(root, 'package.json')).resolve('next/dist/bin/next');
  const child = spawn(process.execPath, [next, 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', ADMIN_ORIGIN: value },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('still running after 30 s');
    }, 30_000);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(
    code === 1 && /ADMIN_ORIGIN/.test(output),
    `ADMIN_ORIGIN=${JSON.stringify(value)} stops the server naming it (exit ${code})`,
  );
}

let server;
try {
  server = await startNext({
    port: PORT,
    env: {
      ADMIN_ORIGIN: `http://${ADMIN}`,
      ADMIN_PASSWORD,
      PREVIEW_SECRET,
    },
  });
  await checkServer();
} catch (error) {
  expect(false, `the check ran to the end (${error instanceof Error ? error.message : error})`);
} finally {
  await server?.stop();
}
for (const value of [
  'https://*.example.org',
  'https://admin.example.org/admin',
  'admin.example.org',
]) {
  await checkRefusal(value);
}
console.log(failures.length === 0 ? 'ADMIN_ORIGIN check passed' : `${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
