import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Redis } from './redis';

/**
 * Instances behind one proxy must agree on three things, or readers meet errors that are hard
 * to trace: the build (pages of one refer to chunks the other lacks), the key of server
 * actions (a form rendered by one is refused by the other) and COMMENTS_SECRET (form tokens,
 * sessions and address hashes of one are garbage to the other). Each instance records what it
 * has in Redis; one that disagrees with the instances running says which setting differs and
 * stops before it takes a request. Only digests are stored, never a secret.
 */
export const AGREEMENT_KEY = 'masthead:cluster:agreement';
/** Renewed while any instance runs; a new build can start once the old instances are gone. */
export const AGREEMENT_TTL_S = 90;

export type Settings = { build: string; actionsKey: string; commentsSecret: string };

const LABEL: Record<keyof Settings, string> = {
  build: 'the build (BUILD_ID)',
  actionsKey: 'NEXT_SERVER_ACTIONS_ENCRYPTION_KEY',
  commentsSecret: 'COMMENTS_SECRET',
};

const digest = (value: string) =>
  createHmac('sha256', 'masthead-cluster-agreement').update(value).digest('hex').slice(0, 32);

/** What is missing before an instance can join others at all. */
export function missingSettings(env: Partial<Record<string, string>> = process.env): string[] {
  return (['NEXT_SERVER_ACTIONS_ENCRYPTION_KEY', 'COMMENTS_SECRET'] as const)
    .filter((name) => !env[name])
    .map(
      (name) =>
        `${name} is not set: with REDIS_URL, several instances serve one site and must share it (docs/operations.md).`,
    );
}

export function ownSettings(env: Partial<Record<string, string>> = process.env): Settings {
  let build = 'unknown';
  try {
    build = readFileSync(path.join(process.cwd(), '.next', 'BUILD_ID'), 'utf8').trim();
  } catch {
    // `next dev` has no build id.
  }
  return {
    build: digest(build),
    actionsKey: digest(env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? ''),
    commentsSecret: digest(env.COMMENTS_SECRET ?? ''),
  };
}

/**
 * Records this instance's settings, or compares them with those recorded by the instances
 * running. Returns what differs, in words; empty when this instance agrees.
 */
export async function agree(redis: Redis, own: Settings): Promise<string[]> {
  const fields = Object.entries(own) as [keyof Settings, string][];
  // Only missing fields are written, in one step: two instances starting together cannot
  // each record their own.
  const multi = redis.multi();
  for (const [field, value] of fields) multi.hSetNX(AGREEMENT_KEY, field, value);
  multi.expire(AGREEMENT_KEY, AGREEMENT_TTL_S);
  multi.hGetAll(AGREEMENT_KEY);
  const replies = await multi.exec();
  const recorded = replies.at(-1) as unknown as Record<string, string>;
  return fields
    .filter(([field, value]) => recorded[field] !== value)
    .map(
      ([field]) =>
        `${LABEL[field]} differs from the one the instances already running use; start every instance with the same (docs/operations.md).`,
    );
}
