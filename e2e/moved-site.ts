import { createServer } from 'node:net';
import type { APIRequestContext, APIResponse } from './test';

/**
 * For specs that serve a site of their own (a moved newsroom, an imported WordPress site) beside
 * the e2e run's server: a port, and the redirects an old address goes through.
 */

/** A loopback port free now (test/support/ports.mjs does the same for the checks). */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });

/** Each answer from `base` + `url` on, redirects not followed: status and Location, resolved. */
export async function hops(request: APIRequestContext, base: string, url: string) {
  const seen: { status: number; location?: URL }[] = [];
  let next: string | undefined = `${base}${url}`;
  while (next && seen.length < 5) {
    const response: APIResponse = await request.get(next, { maxRedirects: 0 });
    const location: string | undefined = response.headers()['location'];
    const resolved: URL | undefined = location === undefined ? undefined : new URL(location, next);
    seen.push({ status: response.status(), ...(resolved ? { location: resolved } : {}) });
    next = resolved?.toString();
  }
  return seen;
}
