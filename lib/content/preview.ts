import { createHash, timingSafeEqual } from 'node:crypto';

/** Compares secrets without leaking, through timing, how much of one was right. */
export function secretMatches(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** A path on this site to go to after switching preview on or off; never another site. */
export function safeReturnPath(path: string | null): string {
  return path && path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') ? path : '/';
}
