import { lookup as dnsLookup } from 'node:dns';
import http, { STATUS_CODES, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { hostOf, isPrivateAddress } from './addresses';
import { readableSize, receive, type Received, type Refused } from './receive';

export type FetchLimits = {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Host names allowed to be on loopback or private addresses (a test server, an intranet). */
  privateHosts: ReadonlySet<string>;
};

export type Agents = { http: http.Agent; https: https.Agent };

/** Connections kept open between pictures: one old site answers most of an import's requests. */
export function createAgents(concurrency: number): Agents {
  const options = { keepAlive: true, maxSockets: concurrency };
  return { http: new http.Agent(options), https: new https.Agent(options) };
}

export function destroyAgents(agents: Agents) {
  agents.http.destroy();
  agents.https.destroy();
}

/** A refusal the importer decided on, carried through Node's error paths to the report. */
class Refusal extends Error {}

const privateAddress = (host: string, address: string) =>
  new Refusal(
    `${host} is on a private network (${address}), which an import does not reach: ` +
      'copy the pictures with --uploads instead',
  );

/** DNS, then the check on every address the name resolves to, before any connection. */
function guardedLookup(privateHosts: ReadonlySet<string>): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, options, (error, result, family) => {
      if (error || privateHosts.has(hostname)) {
        callback(error, result, family);
        return;
      }
      const addresses = Array.isArray(result) ? result.map((entry) => entry.address) : [result];
      const refused = addresses.find((address) => isPrivateAddress(address));
      if (refused) callback(privateAddress(hostname, refused), '', 0);
      else callback(null, result, family);
    });
  };
}

type Hop = { kind: 'response'; response: IncomingMessage } | { kind: 'refused'; reason: string };

function request(url: URL, limits: FetchLimits, agents: Agents, signal: AbortSignal) {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<Hop>((resolve, reject) => {
    const host = hostOf(url);
    if (isIP(host) && isPrivateAddress(host) && !limits.privateHosts.has(host)) {
      resolve({ kind: 'refused', reason: privateAddress(host, host).message });
      return;
    }
    const outgoing = client.get(
      url,
      {
        agent: url.protocol === 'https:' ? agents.https : agents.http,
        lookup: guardedLookup(limits.privateHosts),
        signal,
        // Bytes as stored: the size limit and the first-bytes check read the picture itself.
        headers: {
          'accept-encoding': 'identity',
          accept: 'image/*',
          'user-agent': 'Masthead import',
        },
      },
      (response) => resolve({ kind: 'response', response }),
    );
    outgoing.on('error', reject);
  });
}

const statusText = (status: number) => `${status} ${STATUS_CODES[status] ?? ''}`.trim();

function wrongStatus(status: number): string {
  if (status === 404 || status === 410) {
    return `the old site answered ${statusText(status)}: the picture is no longer there`;
  }
  if (status === 401 || status === 403) {
    return `the old site answered ${statusText(status)}: it does not give this picture out`;
  }
  return `the old site answered ${statusText(status)}`;
}

/** A network failure in words, never in the server's (its status text is whatever it sends). */
function failureReason(error: unknown, signal: AbortSignal, limits: FetchLimits): string {
  if (signal.aborted) return `it took longer than ${limits.timeoutMs / 1000} s`;
  if (error instanceof Refusal) return error.message;
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  if (code === 'ECONNRESET' || code === 'EPIPE' || /aborted/i.test(String(error))) {
    return 'the connection was cut before the whole picture arrived';
  }
  if (code === 'ECONNREFUSED') return 'the old site refused the connection';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return 'the old site’s address does not resolve';
  if (code.startsWith('HPE_')) return 'the old site’s answer was not valid HTTP';
  if (/CERT|SSL|TLS|SELF_SIGNED/.test(code)) {
    return `the old site’s HTTPS certificate was not accepted (${code})`;
  }
  return `it could not be fetched (${code || 'network error'})`;
}

/**
 * Fetches one picture into `file`: http and https only, at most `maxRedirects` redirects
 * (each to http or https), the whole exchange within `timeoutMs`, the body no larger than
 * `maxBytes` and a picture by its first bytes. Never throws: a failure is a reason an editor
 * can act on.
 */
export async function fetchPicture(
  start: URL,
  file: string,
  limits: FetchLimits,
  agents: Agents,
): Promise<Received | Refused> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let url = start;
  try {
    for (let redirects = 0; ; redirects += 1) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return {
          ok: false,
          reason: `it was redirected to a ${url.protocol} address, which is refused`,
        };
      }
      const hop = await request(url, limits, agents, signal);
      if (hop.kind === 'refused') return { ok: false, reason: hop.reason };
      const { response } = hop;
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.resume();
        if (redirects >= limits.maxRedirects) {
          return { ok: false, reason: `it was redirected more than ${limits.maxRedirects} times` };
        }
        const next = URL.parse(location, url);
        if (!next)
          return { ok: false, reason: 'it was redirected to an address that does not parse' };
        url = next;
        continue;
      }
      if (status !== 200) {
        response.resume();
        return { ok: false, reason: wrongStatus(status) };
      }
      return await body(response, file, limits);
    }
  } catch (error) {
    return { ok: false, reason: failureReason(error, signal, limits) };
  }
}

async function body(response: IncomingMessage, file: string, limits: FetchLimits) {
  const encoding = response.headers['content-encoding'];
  if (encoding && encoding !== 'identity') {
    response.destroy();
    return {
      ok: false as const,
      reason: `the old site sent it compressed (${encoding}) though asked not to`,
    };
  }
  const declared = Number(response.headers['content-length'] ?? NaN);
  if (declared > limits.maxBytes) {
    response.destroy();
    return {
      ok: false as const,
      reason: `it is ${readableSize(declared)}, larger than the limit of ${readableSize(limits.maxBytes)}`,
    };
  }
  return receive(response, file, limits.maxBytes);
}
