import type { NextRequest, NextResponse } from 'next/server';
import { refusal } from '@/lib/routing/not-found-response';
import { describeWait, networkKey } from '@/lib/security/attempts';
import { createRateLimiter, type RateLimit } from '@/lib/security/rate-limit';

/**
 * A search is rendered for each request (tens of milliseconds at 10,000 articles, BENCHMARKS.md),
 * so one network may run 60 at once and then one a second: far more than a person searches,
 * even an office sharing one address, and the same for the parallel e2e suite; a script from
 * one network gets a second of the server's time per second at most.
 */
export const SEARCH_RATE: RateLimit = { burst: 60, perSecond: 1, maxKeys: 10_000 };

const limiter = createRateLimiter(SEARCH_RATE);

/**
 * For the proxy: a 429 with Retry-After when the requester's network has searched more than
 * SEARCH_RATE allows; nothing otherwise. Only a query costs anything, so `/search` alone
 * (the empty form) is never counted.
 */
export function searchThrottle(request: NextRequest): NextResponse | undefined {
  if (!request.nextUrl.searchParams.get('q')?.trim()) return undefined;
  const verdict = limiter.take(networkKey(request.headers));
  if (verdict.allowed) return undefined;
  const response = refusal(
    429,
    `Too many searches from your network just now. Please wait ${describeWait(verdict.retryAfterS)} and search again.\n`,
  );
  response.headers.set('Retry-After', String(verdict.retryAfterS));
  return response;
}
