import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

let cached: string | undefined;

/**
 * The key for signing form tokens and admin sessions and for salting address hashes.
 * COMMENTS_SECRET when set (several servers must share one); otherwise a random key generated
 * into the data folder on first run, which git ignores.
 */
export function commentsSecret(env: Partial<Record<string, string>> = process.env): string {
  if (env.COMMENTS_SECRET) return env.COMMENTS_SECRET;
  if (cached) return cached;
  // The data folder, not the database's: a build and the servers it feeds must share one key,
  // whichever database each points at.
  const dir = env.MASTHEAD_DATA_DIR ?? path.join(process.cwd(), 'data');
  const file = path.join(dir, 'comments-secret');
  try {
    cached = readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    try {
      // 'wx' fails if another process wrote it first; then we read theirs.
      writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
    } catch {
      /* written by a concurrent process */
    }
    cached = readFileSync(file, 'utf8').trim();
  }
  return cached;
}
