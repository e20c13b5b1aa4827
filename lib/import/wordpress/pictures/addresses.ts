import { BlockList, isIP } from 'node:net';

/**
 * Addresses a picture URL from an export may not reach. An export is a file from elsewhere; its
 * URLs could point the importer at the newsroom's own network (a router's admin page, a
 * database, a cloud provider's metadata service at 169.254.169.254). WordPress's importer
 * refuses the same (wp_safe_remote_get); we check the address actually connected to, after DNS,
 * so a name that resolves to a private address is refused too.
 */
const blocked4 = new BlockList();
const blocked6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked4.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback, IPv4-compatible
  ['64:ff9b::', 96], // NAT64: an IPv4 address inside
  ['2002::', 16], // 6to4: an IPv4 address inside
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  blocked6.addSubnet(network, prefix, 'ipv6');
}

/** An IPv6 address (already known valid) as its eight 16-bit groups. */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const front = head === '' ? [] : head.split(':');
  const back = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array<string>(8 - front.length - back.length).fill('0');
  return [...front, ...zeros, ...back].map((group) => parseInt(group, 16));
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (`::ffff:7f00:1` is 127.0.0.1), else null. */
function mappedIpv4(address: string): string | null {
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).some((group) => group !== 0) || groups[5] !== 0xffff) return null;
  const [high = 0, low = 0] = groups.slice(6);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/**
 * Whether an IP address is on a private, loopback, link-local or otherwise non-public network
 * (anything that is not an IP address counts as one).
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked4.check(address, 'ipv4');
  if (family !== 6) return true;
  const mapped = mappedIpv4(address);
  return mapped ? blocked4.check(mapped, 'ipv4') : blocked6.check(address, 'ipv6');
}

/** A URL's host name without IPv6 brackets, as DNS and `isIP` take it. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');
