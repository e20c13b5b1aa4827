import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

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
 * The client's address: the last X-Forwarded-For entry, which is the one added by the nearest
 * hop — the reverse proxy in front of Masthead, or Next's own server (which sets the header from
 * the socket only when it is absent). Exposed directly to the internet, a client can claim any
 * address here; run behind a proxy that appends the real one (docs/decisions/004).
 */
export function clientIp(headers: Headers): string {
  const hops = headers.get('x-forwarded-for')?.split(',') ?? [];
  return hops.at(-1)?.trim() || headers.get('x-real-ip')?.trim() || '0.0.0.0';
}
