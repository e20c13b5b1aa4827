import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from '../store/layout';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer of versions at a time on this disk: two publishes at once would each build from
 * the same current version and the second would undo the first. A lock left by a process that
 * died is taken over; a live one is waited for, up to a minute.
 */
export async function withContentLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  const file = path.join(contentDir(root), '.lock');
  mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch {
      const holder = Number(readFileSafe(file));
      if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`another content build (pid ${holder}) holds ${file}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(file, { force: true });
  }
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
