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
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });

export async function privateRedis(port) {
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
        '--notify-keyspace-events',
        'Exe',
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
    url: `redis://127.0.0.1:${port}`,
    start,
    stop,
    cli: (...args) =>
      execFileSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).trim(),
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
