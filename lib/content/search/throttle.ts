import type { NextRequest, NextResponse } from 'next/server';
import { refusal } from '@/lib/routing/not-found-response';
import { describeWait, networkKey } from '@/lib/security/attempts';
import { createRateLimiter } from '@/lib/security/rate-limit';
import { SEARCH_RATE } from './options';

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
