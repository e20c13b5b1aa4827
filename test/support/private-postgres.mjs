// A PostgreSQL server of the check's own, in a temporary folder on a loopback port, which the
// check may stop and start at will without touching any other database on the machine.
// Needs Debian's postgresql package and root (the server runs as the `postgres` user).
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function binDir() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  return version ? path.join(root, version, 'bin') : undefined;
}

/** Why a private server cannot run here, or undefined when it can. */
export function privatePostgresUnavailable() {
  if (process.getuid?.() !== 0) return 'not root';
  if (!binDir()) return 'no /usr/lib/postgresql (apt-get install postgresql)';
  return undefined;
}

export function privatePostgres(port) {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'masthead-pg-'));
  chownSync(dir, uidOf('postgres'), gidOf('postgres'));
  const data = path.join(dir, 'data');
  const as = (tool, args) =>
    execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const start = () =>
    as('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
      'start',
    ]);
  // Immediate: what a crash or a lost network looks like to the clients, not a polite goodbye.
  const stop = () => as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  start();
  as('psql', [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    '-qc',
    'create database masthead',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/masthead`,
    start,
    stop,
    destroy() {
      try {
        stop();
      } catch {
        /* already stopped */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const idOf = (flag, user) => Number(execFileSync('id', [flag, user]).toString().trim());
const uidOf = (user) => idOf('-u', user);
const gidOf = (user) => idOf('-g', user);
