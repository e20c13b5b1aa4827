// What the cluster check runs: copies of the standalone server laid out as the container image
// lays them out (Dockerfile), one shared content folder, and nginx with the configuration
// compose.yaml uses.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { copyCheckoutFiles } from '../../support/checkout-files.mjs';
import { startServer } from '../../support/server.mjs';

export const root = path.resolve(import.meta.dirname, '..', '..', '..');
export const NGINX = '/usr/sbin/nginx';

/** Why the cluster cannot run here, or undefined. */
export function clusterUnavailable() {
  if (!existsSync(path.join(root, '.next', 'standalone', 'server.js')))
    return 'no .next/standalone/server.js: build with MASTHEAD_STANDALONE=1 npm run build first';
  if (!existsSync(NGINX)) return 'no nginx (apt-get install nginx)';
  return undefined;
}

/** `.next/standalone` with the static files and public/ beside it, as the Dockerfile copies. */
export function layOutInstance(dir) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(root, '.next', 'standalone'), dir, { recursive: true, verbatimSymlinks: true });
  cpSync(path.join(root, '.next', 'static'), path.join(dir, '.next', 'static'), {
    recursive: true,
  });
  cpSync(path.join(root, 'public'), path.join(dir, 'public'), { recursive: true });
}

/** The content store as the build left it, on the "volume" every instance mounts. */
export function sharedContent(dir) {
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(root, '.masthead', 'content'), dir, { recursive: true, verbatimSymlinks: true });
}

/** A checkout to publish from: the files git has, without the build. */
export function deskCopy(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyCheckoutFiles(root, dir);
}

/** Settings every instance must share (docs/operations.md), made up for this run. */
export function sharedSecrets() {
  return {
    COMMENTS_SECRET: randomBytes(32).toString('hex'),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
}

/** Runs `node server.js` in `dir` the way the image's CMD does. */
export async function startInstance({ dir, port, env }) {
  const server = await startServer({
    argv: [path.join(dir, 'server.js')],
    cwd: dir,
    env: { ...env, PORT: String(port), HOSTNAME: '127.0.0.1' },
    readyUrl: `http://127.0.0.1:${port}/robots.txt`,
  });
  return { ...server, base: `http://127.0.0.1:${port}`, port };
}

/** Starts an instance that should refuse to serve; resolves to its exit code and what it said. */
export function startRefused({ dir, port, env, timeoutMs = 60_000 }) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(dir, 'server.js')], {
      cwd: dir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        ...env,
        PORT: String(port),
        HOSTNAME: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    child.stdout.on('data', (c) => (said += c));
    child.stderr.on('data', (c) => (said += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, said });
    });
  });
}

/**
 * nginx on `listen` in front of `upstreams`, from docs/examples/nginx.conf.template, and a
 * second server on `listenOne` in front of the first instance alone (for the throughput with
 * one instance). Runs in the foreground of its own process; `stop()` ends it.
 */
export async function startNginx({ dir, listen, listenOne, upstreams }) {
  mkdirSync(dir, { recursive: true });
  const template = readFileSync(path.join(root, 'docs', 'examples', 'nginx.conf.template'), 'utf8');
  const fill = (vars) => template.replace(/\$\{(MASTHEAD_\w+)\}/g, (_, name) => vars[name]);
  const both = fill({
    MASTHEAD_UPSTREAM_1: upstreams[0],
    MASTHEAD_UPSTREAM_2: upstreams[1],
    MASTHEAD_LISTEN: `127.0.0.1:${listen}`,
  });
  const one = fill({
    MASTHEAD_UPSTREAM_1: upstreams[0],
    MASTHEAD_UPSTREAM_2: upstreams[0],
    MASTHEAD_LISTEN: `127.0.0.1:${listenOne}`,
  }).replace(/\bmasthead\b(?=\s*\{|;)/g, 'masthead_one');
  writeFileSync(path.join(dir, 'both.conf'), both);
  writeFileSync(path.join(dir, 'one.conf'), one);
  const temp = (name) => `${name}_temp_path ${path.join(dir, name)};`;
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${path.join(dir, 'nginx.pid')};`,
      `error_log ${path.join(dir, 'error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `  ${temp(n)}`),
      `  include ${path.join(dir, 'both.conf')};`,
      `  include ${path.join(dir, 'one.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(NGINX, ['-c', path.join(dir, 'nginx.conf')], { stdio: 'inherit' });
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`http://127.0.0.1:${listen}/robots.txt`);
      break;
    } catch {
      await sleep(100);
    }
  }
  return {
    base: `http://127.0.0.1:${listen}`,
    baseOne: `http://127.0.0.1:${listenOne}`,
    errors: () => {
      try {
        return readFileSync(path.join(dir, 'error.log'), 'utf8');
      } catch {
        return '';
      }
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGQUIT');
      await Promise.race([exited, sleep(5_000)]);
    },
  };
}

/**
 * One instance for a benchmark, in test/.scratch/<name> (emptied first): the server laid out as
 * the image lays it out (a/), a desk to publish from (desk/) and the content folder the
 * instance reads (content/, copied from the build unless `content: false`, when the bench
 * builds its own into it). `start(port)` serves it with a publish secret of its own.
 * @param {string} name
 * @param {{ content?: boolean }} [options]
 */
export function benchInstance(name, { content = true } = {}) {
  const scratch = path.join(root, 'test', '.scratch', name);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const dirs = {
    scratch,
    dir: path.join(scratch, 'a'),
    desk: path.join(scratch, 'desk'),
    content: path.join(scratch, 'content'),
  };
  layOutInstance(dirs.dir);
  if (content) sharedContent(dirs.content);
  deskCopy(dirs.desk);
  const secret = `bench-${name}-secret`;
  /** @param {number} port */
  const start = (port) =>
    startInstance({
      dir: dirs.dir,
      port,
      env: {
        PUBLISH_SECRET: secret,
        SITE_URL: `http://127.0.0.1:${port}`,
        MASTHEAD_CONTENT_DIR: dirs.content,
        MASTHEAD_DATA_DIR: path.join(scratch, 'data'),
      },
    });
  return { ...dirs, secret, start };
}
