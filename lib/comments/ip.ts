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

/**
 * The client's address, as the nearest trusted proxy saw it. Next's own server sets the header
 * from the socket only when it is absent, so run Masthead behind a proxy that appends the real
 * address; directly on the internet a client could choose what it is rate-limited under.
 * Anything that is not an IP address counts as no address.
 */
export function clientIp(headers: Headers, hops = trustedProxyHops()): string {
  const chain = (headers.get('x-forwarded-for') ?? '')
    .slice(0, 2048)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = chain.length > 0 ? chain[Math.max(0, chain.length - hops)] : undefined;
  const address = candidate ?? headers.get('x-real-ip')?.trim() ?? '';
  return isIP(address) ? address : '0.0.0.0';
}
