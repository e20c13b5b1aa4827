import { createHmac } from 'node:crypto';
import { isIP, isIPv4, isIPv6 } from 'node:net';

/**
 * Cuts an address down to its network: /24 for IPv4, /48 for IPv6. Enough to rate-limit a
 * neighbourhood, not enough to identify a household.
 */
export function truncateIp(ip: string): string {
  const address = ip.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');
  if (isIPv4(address)) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(address)) return `${expandIPv6(address).slice(0, 3).join(':')}::/48`;
  return 'unknown';
}

function expandIPv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = address.includes('::') ? 8 - left.length - right.length : 0;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((part) =>
    part.toLowerCase().replace(/^0+(?=.)/, ''),
  );
}

/** The only form in which an address is stored. */
export function hashIp(ip: string, secret: string): string {
  return createHmac('sha256', secret)
    .update(`ip:${truncateIp(ip)}`)
    .digest('base64url');
}

/**
 * How many reverse proxies in front of Masthead append to X-Forwarded-For: 1 for nginx alone,
 * 2 for a CDN in front of nginx. Each appends the address it was reached from, so the client
 * is the entry that many places from the end; entries further left were written by the client
 * and prove nothing (docs/decisions/012).
 */
export function trustedProxyHops(env: Partial<Record<string, string>> = process.env): number {
  const hops = Number(env.TRUSTED_PROXY_HOPS ?? 1);
  return Number.isInteger(hops) && hops >= 1 && hops <= 10 ? hops : 1;
}

/** The fixed bucket for a request whose address cannot be trusted: it is throttled like any network. */
export const NO_ADDRESS = '0.0.0.0';

/**
 * More entries than any honest chain of proxies writes (a client behind its own proxy, a CDN,
 * nginx: a handful). Only the client can write more, and only to hide something.
 */
export const MAX_FORWARDED_ENTRIES = 32;

/**
 * The client's address, as the nearest trusted proxy saw it: the entry `hops` places from the
 * end of the whole X-Forwarded-For header. Several header lines count as one (Headers joins
 * them with ", ", the last line last, as proxies append). Next's own server sets the header
 * from the socket only when it is absent, so run Masthead behind a proxy that appends the real
 * address; directly on the internet a client could choose what it is rate-limited under.
 *
 * An absurd header is refused rather than guessed at: more than MAX_FORWARDED_ENTRIES entries,
 * or a trusted entry that is empty or not an IP address, means the request counts under
 * NO_ADDRESS, one bucket for every such request, throttled like any network. A client that
 * writes garbage therefore only ever shares a bucket with other clients that write garbage; it
 * can neither pick a network of its own nor spread itself over many (decision 017). Empty
 * entries are not skipped: skipping them would let a client behind fewer proxies than
 * TRUSTED_PROXY_HOPS slide its own entry into the trusted place with a trailing comma.
 */
export function clientIp(headers: Headers, hops = trustedProxyHops()): string {
  const header = headers.get('x-forwarded-for');
  if (header === null) {
    const real = headers.get('x-real-ip')?.trim() ?? '';
    return isIP(real) ? real : NO_ADDRESS;
  }
  // Node bounds the whole request head (16 KB by default), so one pass over it is bounded.
  const entries = header.split(',');
  if (entries.length > MAX_FORWARDED_ENTRIES) return NO_ADDRESS;
  // Fewer entries than hops: the request reached a nearer proxy directly, which wrote the first.
  const candidate = (entries[Math.max(0, entries.length - hops)] ?? '').trim();
  return isIP(candidate) ? candidate : NO_ADDRESS;
}
