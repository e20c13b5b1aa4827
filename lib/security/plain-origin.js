// @ts-check
// Plain JavaScript so that next.config.js can use it while it builds the Content-Security-Policy:
// an origin written into the policy, or compared with a request's Host, must be nothing more
// than a scheme, a host and a port. Anything else (`https://*`, `https://a.com;sandbox …`,
// quotes, spaces, a path, a user) either widens the policy or adds a directive of its own.

/** A DNS label: letters, digits and inner hyphens, at most 63 of them. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Scheme, host (a name, an IPv4 address, or IPv6 loopback) and an optional port: all of it. */
const ORIGIN = /^(https?):\/\/([a-z0-9.-]{1,253}|\[::1\])(?::([1-9]\d{0,4}))?$/i;

/**
 * The origin as browsers and the policy compare it (`https://ads.example.net`, lower case, the
 * default port left out), or undefined unless the text is a plain origin written in ASCII.
 * A trailing newline, a trailing dot, a wildcard, an IDN in Unicode (write its `xn--` form), a
 * path, even a lone `/`, are refused: whoever wrote it meant something this is not.
 * @param {unknown} value
 * @returns {{ scheme: 'http' | 'https'; host: string; port: number | undefined; origin: string } | undefined}
 */
export function plainOrigin(value) {
  if (typeof value !== 'string') return undefined;
  const match = ORIGIN.exec(value);
  if (!match) return undefined;
  const scheme = /** @type {'http' | 'https'} */ ((match[1] ?? '').toLowerCase());
  const host = (match[2] ?? '').toLowerCase();
  const port = match[3] === undefined ? undefined : Number(match[3]);
  if (port !== undefined && port > 65535) return undefined;
  if (host !== '[::1]' && !host.split('.').every((label) => LABEL.test(label))) return undefined;
  const defaultPort = scheme === 'https' ? 443 : 80;
  const shownPort = port === undefined || port === defaultPort ? '' : `:${port}`;
  return { scheme, host, port, origin: `${scheme}://${host}${shownPort}` };
}

/** Hosts an http origin may name: this machine itself, where nobody else is on the network. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
