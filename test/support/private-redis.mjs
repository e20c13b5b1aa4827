// A Redis server of the check's own on a loopback port, in a temporary folder, with nothing
// saved to disk: a check may stop it (as an outage would) and start it again at will.
// Needs Debian's redis-server package.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './ports.mjs';

const BINARY = '/usr/bin/redis-server';

/** Why a private server cannot run here, or undefined when it can. */
export function privateRedisUnavailable() {
  return existsSync(BINARY) ? undefined : 'no redis-server (apt-get install redis-server)';
}

const answers = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      // A server with requirepass answers NOAUTH: it is up all the same.
      resolve(/^(\+PONG|-NOAUTH)/.test(data.toString()));
    });
    socket.on('error', () => resolve(false));
  });

/**
 * Configured as compose.yaml runs Redis, unless told otherwise: `stock` leaves out the keyspace
 * events (what `apt-get install redis-server` gives), `password` turns on `requirepass`, `args`
 * adds any other setting (`--rename-command CONFIG ""`, `--replicaof …`).
 * Without a port it takes one the OS gives, and another if that one is taken before Redis binds
 * it: fixed or random ports collided in command B, where lanes run the same tests side by side
 * and thousands of client sockets hold ports in the same range (one start waited 5 s on a port
 * Redis could not bind).
 * @param {number | undefined} port
 * @param {{ stock?: boolean, password?: string, args?: string[] }} [options]
 */
export async function privateRedis(port, { stock = false, password, args = [] } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'masthead-redis-'));
  let child;
  /** Starts the server on `at`; false when it exited before answering (the port was taken). */
  const launch = async (at) => {
    child = spawn(
      BINARY,
      [
        '--port',
        String(at),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'no',
        // The shared page cache keeps its map of tags current from expiry and eviction events.
        ...(stock ? [] : ['--notify-keyspace-events', 'Exe']),
        ...(password ? ['--requirepass', password] : []),
        ...args,
      ],
      { stdio: 'ignore' },
    );
    const started = child;
    // A busy machine can take seconds to start a process; a server that exits has failed.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (started.exitCode !== null || started.signalCode !== null) return false;
      if (await answers(at)) {
        // What answered may be another lane's server on a port ours could not bind: ours exits
        // within moments then.
        await new Promise((r) => setTimeout(r, 100));
        return started.exitCode === null && started.signalCode === null;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    started.kill('SIGKILL');
    throw new Error(`redis-server did not answer on port ${at} within 20 s`);
  };
  const start = async () => {
    if (await launch(port)) return;
    throw new Error(`redis-server exited before answering on port ${port}: is the port taken?`);
  };
  // SIGKILL: what a crashed or unreachable Redis looks like to the clients.
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  if (port === undefined) {
    for (let attempt = 0; port === undefined && attempt < 5; attempt++) {
      const candidate = await freePort();
      if (await launch(candidate)) port = candidate;
    }
    if (port === undefined) throw new Error('redis-server could not bind a free port in 5 tries');
  } else await start();
  return {
    port,
    url: password
      ? `redis://:${encodeURIComponent(password)}@127.0.0.1:${port}`
      : `redis://127.0.0.1:${port}`,
    start,
    stop,
    cli: (...command) =>
      execFileSync(
        'redis-cli',
        [
          '-p',
          String(port),
          ...(password ? ['--no-auth-warning', '-a', password] : []),
          ...command,
        ],
        { encoding: 'utf8' },
      ).trim(),
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
