// Load through the proxy for the cluster check: keep-alive GET loops that record every answer's
// time and latency, and HTTP requests sent from a chosen loopback address (127.0.x.y), so that
// behind nginx, which appends the address it was reached from, posters count as different
// networks the way readers on the internet do.
import http from 'node:http';

/** A fetch-like request over node:http from `localAddress`; resolves to a Response. */
export function fetchFrom(localAddress) {
  const agent = new http.Agent({ keepAlive: true, localAddress });
  return async (url, init = {}) => {
    const target = new URL(url);
    let body;
    const headers = { ...(init.headers ?? {}) };
    if (init.body instanceof FormData) {
      // The browser's multipart encoding, boundary and all.
      const encoded = new Response(init.body);
      headers['content-type'] = encoded.headers.get('content-type');
      body = Buffer.from(await encoded.arrayBuffer());
    } else if (init.body !== undefined) {
      body = Buffer.from(String(init.body));
    }
    if (body) headers['content-length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const request = http.request(
        target,
        { method: init.method ?? 'GET', headers, agent, timeout: 30_000 },
        (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => {
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
              if (value !== undefined) responseHeaders.set(name, String(value));
            }
            resolve(
              new Response(response.statusCode === 204 ? null : Buffer.concat(chunks), {
                status: response.statusCode,
                headers: responseHeaders,
              }),
            );
          });
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error('timed out')));
      request.on('error', reject);
      request.end(body);
    });
  };
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * `connections` loops GETting `paths` in turn from `base` for `seconds`. Every answer is kept:
 * when it came, how long it took, and its status (0 when no answer came at all).
 */
export async function getLoad({ base, paths, connections, seconds }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const results = [];
  const deadline = Date.now() + seconds * 1000;
  const get = (path) =>
    new Promise((resolve) => {
      const request = http.get(base + path, { agent, timeout: 30_000 }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', () => resolve(0));
      });
      request.on('timeout', () => request.destroy());
      request.on('error', () => resolve(0));
    });
  const loop = async (n) => {
    let i = n;
    while (Date.now() < deadline) {
      const started = performance.now();
      const status = await get(paths[i++ % paths.length]);
      results.push({ at: Date.now(), ms: performance.now() - started, status });
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, n) => loop(n)));
  agent.destroy();
  return results;
}

/** Requests a second, p50 and p95 in ms, and the failures, of a getLoad run. */
export function summarize(results, seconds) {
  const ok = results.filter((r) => r.status >= 200 && r.status < 400);
  return {
    requests: results.length,
    perSecond: Math.round(results.length / seconds),
    p50: Math.round(
      percentile(
        ok.map((r) => r.ms),
        50,
      ),
    ),
    p95: Math.round(
      percentile(
        ok.map((r) => r.ms),
        95,
      ),
    ),
    failed: results.length - ok.length,
  };
}
