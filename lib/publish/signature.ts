import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex>`, as GitHub sends it in X-Hub-Signature-256 (and `npm run publish` too). */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether `header` is the body's HMAC under `secret`. Compared in constant time over digests
 * of equal length, so neither the header's length nor how much of it was right leaks.
 */
export function signatureMatches(body: string, header: string | null, secret: string): boolean {
  if (header === null || header.length > 200) return false;
  return timingSafeEqual(digest(header), digest(signBody(body, secret)));
}

export function tokenMatches(given: string | null, expected: string | undefined): boolean {
  if (given === null || expected === undefined || given.length > 200) return false;
  return timingSafeEqual(digest(given), digest(expected));
}
