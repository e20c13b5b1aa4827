import 'server-only';
import { clientIp, hashIp } from '@/lib/comments/ip';
import { commentsSecret } from '@/lib/comments/secret';
import { createSharedThrottle } from '@/lib/cluster/shared-throttle';
import { readyRedis } from '@/lib/cluster/redis';
import { createThrottle, type AttemptThrottle } from './throttle';

export type Guarded = 'admin' | 'preview' | 'publish' | 'revalidate';

type Shared = { throttles?: Record<Guarded, AttemptThrottle> };
// On globalThis: the sign-in action, the page that says how long to wait and the preview route
// are bundled separately, and must all count in the same place.
const shared = globalThis as typeof globalThis & { [key: symbol]: Shared | undefined };
const KEY = Symbol.for('masthead.attempt-throttles');

const make = (guarded: Guarded): AttemptThrottle =>
  process.env.REDIS_URL ? createSharedThrottle(guarded, readyRedis) : createThrottle();

/**
 * The throttle for wrong admin passwords, preview secrets or publish signatures: the process's
 * own, or with REDIS_URL one that every instance shares.
 */
export function attemptThrottle(guarded: Guarded): AttemptThrottle {
  const state = (shared[KEY] ??= {});
  state.throttles ??= {
    admin: make('admin'),
    preview: make('preview'),
    publish: make('publish'),
    revalidate: make('revalidate'),
  };
  return state.throttles[guarded];
}

/** The requester's network (/24, /48), hashed: the throttle never holds an address. */
export function networkKey(headers: Headers): string {
  return hashIp(clientIp(headers), commentsSecret());
}

/** "3 minutes", "40 seconds": how long to wait, as a person would say it. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
