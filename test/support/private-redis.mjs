// A Redis server of the check's own on a loopback port, in a temporary folder, with nothing
// saved to disk: a check may stop it (as an outage would) and start it again at will.
// Needs Debian's redis-server package.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

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
 * @param {number} port
 * @param {{ stock?: boolean, password?: string, args?: string[] }} [options]
 */
export async function privateRedis(port, { stock = false, password, args = [] } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'masthead-redis-'));
  let child;
  const start = async () => {
    child = spawn(
      BINARY,
      [
        '--port',
        String(port),
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
    for (let i = 0; i < 100; i++) {
      if (await answers(port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not answer on port ${port}`);
  };
  // SIGKILL: what a crashed or unreachable Redis looks like to the clients.
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  await start();
  return {
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
