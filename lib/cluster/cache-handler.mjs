// @ts-check
/**
 * Next's cache for rendered pages and routes (next.config.js `cacheHandler`), chosen when the
 * server starts, so one build serves either way (docs/decisions/015):
 *
 * - without REDIS_URL, Next's own file-system cache, exactly as before: pages on local disk,
 *   the newest in memory (`cacheMaxMemorySize`);
 * - with REDIS_URL, @trieb.work/nextjs-turbo-redis-cache: every instance reads and writes the
 *   same entries, and a revalidation on one instance deletes them for all. Nothing is kept in
 *   this process's memory (`inMemoryCachingTime: 0`), which is what `cacheMaxMemorySize: 0`
 *   asks of Next's own cache, so an approved comment is on every instance at the next request.
 *
 * While Redis is away, pages are rendered for each request rather than served from a cache
 * nobody can reach, and revalidations are kept to be sent when it is back. The handler is made
 * only once Redis has answered, and used only once its maps of tags are ready: the library
 * waits up to 30 s for them on every read and every write, which made each page of a stock
 * Redis take 60 s (docs/decisions/020). Every call into it is given at most WAIT_MS, so a
 * Redis that is slow, paused, full or read-only costs a page that at most, twice: a read that
 * comes late is a miss, a write that comes late finishes on its own.
 *
 * `next build` always writes to the file system: the prerendered pages are part of the build.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createClient } from 'redis';

const require = createRequire(import.meta.url);

/**
 * What this file uses of the library's handler.
 * @typedef {{ isReady: boolean, isOpen: boolean, ping: () => Promise<string>, disconnect: () => Promise<void> }} Client
 * @typedef {{ waitUntilReady: () => Promise<void>, subscriberClient: Client }} SyncedMap
 * @typedef {{ get: Function, set: Function, revalidateTag: Function, client: Client,
 *   sharedTagsMap: SyncedMap, revalidatedTagsMap: SyncedMap, inMemoryDeduplicationCache: SyncedMap }} Shared
 */

/** The same as REDIS_WAIT_MS in lib/cluster/redis.ts (this file is loaded unbundled). */
export const WAIT_MS = 750;
/** A handler whose maps are not ready by then is dropped and made again (Redis failed under it). */
const READY_WITHIN_MS = 30_000;

/** One per process: Next makes a handler per request. */
const state =
  /** @type {{ probe?: ReturnType<typeof createClient>, shared?: Shared, ready: boolean, answering: boolean, madeAt: number, pending: Set<string>, flushing?: Promise<void> }} */ ({
    ready: false,
    answering: true,
    madeAt: 0,
    pending: new Set(),
  });

/**
 * `work`, or `fallback` once WAIT_MS have passed (then `onLate` is told) or if it fails.
 * node-redis cannot take back a command already sent, so a server that does not answer would
 * hold the page until it did.
 * @template T
 * @param {Promise<T>} work
 * @param {T} fallback
 * @param {() => void} [onLate]
 * @returns {Promise<T>}
 */
export function within(work, fallback, onLate) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => {
      onLate?.();
      resolve(fallback);
    }, WAIT_MS);
  });
  return Promise.race([work.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

/**
 * A Redis that let one call run out of time is asked nothing more until it answers a PING:
 * a page makes several calls (its read, its write, the read of its payload), and each would
 * otherwise wait WAIT_MS in turn.
 * @param {Shared} shared
 */
function notAnswering(shared) {
  if (!state.answering) return;
  state.answering = false;
  void (async () => {
    while (state.shared === shared) {
      try {
        await shared.client.ping();
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    state.answering = true;
  })();
}

/**
 * A call into the shared handler, bounded.
 * @template T
 * @param {Shared} shared @param {Promise<T>} work @param {T} fallback
 */
const bounded = (shared, work, fallback) => within(work, fallback, () => notAnswering(shared));

/** Ends a handler whose maps never became ready, so that a new one can be made. */
function drop(/** @type {Shared} */ shared) {
  state.shared = undefined;
  state.ready = false;
  return closeClients(shared);
}

/** Ends this process's connections to the shared cache (tests, before their Redis stops). */
export function closeSharedCache() {
  void state.probe?.disconnect().catch(() => {});
  state.probe = undefined;
  return state.shared ? drop(state.shared) : Promise.resolve();
}

/** @param {Shared} shared */
async function closeClients(shared) {
  const clients = [
    shared.client,
    shared.sharedTagsMap.subscriberClient,
    shared.revalidatedTagsMap.subscriberClient,
    shared.inMemoryDeduplicationCache.subscriberClient,
  ];
  await Promise.all(
    clients.map((client) => (client.isOpen ? within(client.disconnect(), undefined) : undefined)),
  );
}

/** @param {string} url */
function database(url) {
  const n = Number(new URL(url).pathname.slice(1) || 0);
  return Number.isInteger(n) && n >= 0 && n < 16 ? n : 0;
}

/** @param {string | undefined} serverDistDir */
function buildId(serverDistDir) {
  try {
    return readFileSync(
      path.join(serverDistDir ?? '.next/server', '..', 'BUILD_ID'),
      'utf8',
    ).trim();
  } catch {
    return 'unknown-build';
  }
}

/**
 * @param {string} url
 * @param {string | undefined} serverDistDir
 * @returns {Shared | undefined}
 */
function sharedHandler(url, serverDistDir) {
  if (state.shared && !state.ready && Date.now() - state.madeAt > READY_WITHIN_MS) {
    void drop(state.shared);
  }
  if (state.shared) return state.shared;
  if (!state.probe) {
    const probe = createClient({
      url,
      socket: { connectTimeout: 2_000, reconnectStrategy: (n) => Math.min(100 * 2 ** n, 2_000) },
      disableOfflineQueue: true,
    });
    // Said once by lib/cluster/redis.ts for the whole process; the probe only waits.
    probe.on('error', () => {});
    probe.connect().catch(() => {});
    state.probe = probe;
  }
  if (!state.probe.isReady) return undefined;
  // The server checked notify-keyspace-events as it started, and set it where Redis allows
  // (lib/cluster/keyspace-events.ts), also where CONFIG is renamed away, which the library's
  // own check cannot tell from a missing setting: its check failing leaves the maps never ready.
  process.env.SKIP_KEYSPACE_CONFIG_CHECK = 'TRUE';
  const { RedisStringsHandler } = require('@trieb.work/nextjs-turbo-redis-cache');
  // Its clients and maps are private in its types; this file reaches them only to see when the
  // maps are ready and to close a handler that never became ready.
  const shared = /** @type {Shared} */ (
    /** @type {unknown} */ (
      new RedisStringsHandler({
        redisUrl: url,
        database: database(url),
        // Entries of another build are never read: its pages may use other chunks.
        keyPrefix: `masthead:${buildId(serverDistDir)}:`,
        inMemoryCachingTime: 0,
        // A full look at which entries carry which tags, besides the messages that keep it current:
        // an instance that missed some during an outage is right again within a minute.
        avgResyncIntervalMs: 60_000,
        // A read that takes longer counts as a miss and the page is rendered. The library's 500 ms
        // was passed under load by replies Redis had sent in time but a busy event loop had not yet
        // read, and each such miss renders a page, which makes the loop busier still; more than
        // about a second would be a wait readers notice.
        getTimeoutMs: WAIT_MS,
      })
    )
  );
  state.shared = shared;
  state.madeAt = Date.now();
  void Promise.all([
    shared.sharedTagsMap.waitUntilReady(),
    shared.revalidatedTagsMap.waitUntilReady(),
  ]).then(() => {
    if (state.shared === shared) state.ready = true;
  });
  void state.probe.quit().catch(() => {});
  state.probe = undefined;
  return shared;
}

/**
 * Sends a revalidation, keeping its tags to send again if it fails. One that is only slow is
 * left to finish: it is not sent twice.
 * @param {Shared} shared @param {string[]} tags @param {any} [durations]
 */
function revalidate(shared, tags, durations) {
  return Promise.resolve(shared.revalidateTag(tags, durations)).catch(() =>
    tags.forEach((t) => state.pending.add(t)),
  );
}

export default class MastheadCacheHandler {
  /** @param {any} ctx what Next gives its own cache: serverDistDir, maxMemoryCacheSize, fs … */
  constructor(ctx) {
    this.ctx = ctx;
    const url = process.env.REDIS_URL;
    if (!url || process.env.NEXT_PHASE === 'phase-production-build') {
      const FileSystemCache =
        require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;
      this.local = new FileSystemCache(ctx);
    } else {
      this.url = url;
    }
  }

  /**
   * The shared handler if Redis is up now and its maps are ready, having started to send what
   * waited for it. Never waits.
   */
  ready() {
    if (!this.url) return undefined;
    const shared = sharedHandler(this.url, this.ctx?.serverDistDir);
    if (!shared?.client.isReady || !state.ready || !state.answering) return undefined;
    if (state.pending.size > 0 && !state.flushing) {
      const tags = [...state.pending];
      state.pending.clear();
      state.flushing = revalidate(shared, tags).finally(() => {
        state.flushing = undefined;
      });
    }
    // Until the revalidations that waited for Redis are through, its entries may be the ones
    // they remove: read nothing, render.
    return state.flushing ? undefined : shared;
  }

  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    if (this.local) return this.local.get(key, ctx);
    const shared = this.ready();
    return shared ? bounded(shared, shared.get(key, ctx), null) : null;
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    if (this.local) return this.local.set(key, data, ctx);
    const shared = this.ready();
    if (shared) await bounded(shared, shared.set(key, data, ctx), undefined);
  }

  /** @param {string | string[]} tags @param {any} [durations] */
  async revalidateTag(tags, durations) {
    if (this.local) return this.local.revalidateTag(tags, durations);
    const list = typeof tags === 'string' ? [tags] : tags;
    const shared = this.ready();
    if (!shared) list.forEach((t) => state.pending.add(t));
    else await bounded(shared, revalidate(shared, list, durations), undefined);
  }

  resetRequestCache() {
    this.local?.resetRequestCache?.();
  }
}
