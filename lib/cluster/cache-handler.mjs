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
 * only once Redis has answered: made while Redis is down, the library's maps of tags never
 * become ready and every page would wait on them.
 *
 * `next build` always writes to the file system: the prerendered pages are part of the build.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createClient } from 'redis';

const require = createRequire(import.meta.url);

/** @typedef {{ get: Function, set: Function, revalidateTag: Function, client: { isReady: boolean } }} Shared */

/** One per process: Next makes a handler per request. */
const state =
  /** @type {{ probe?: ReturnType<typeof createClient>, shared?: Shared, pending: Set<string> }} */ ({
    pending: new Set(),
  });

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
  const { RedisStringsHandler } = require('@trieb.work/nextjs-turbo-redis-cache');
  state.shared = new RedisStringsHandler({
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
    // read, and each such miss renders a page, which makes the loop busier still.
    getTimeoutMs: 2_000,
  });
  void state.probe.quit().catch(() => {});
  return state.shared;
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

  /** The shared handler if Redis is up now, having sent what waited for it. */
  async ready() {
    if (!this.url) return undefined;
    const shared = sharedHandler(this.url, this.ctx?.serverDistDir);
    if (!shared?.client.isReady) return undefined;
    if (state.pending.size > 0) {
      const tags = [...state.pending];
      state.pending.clear();
      await shared.revalidateTag(tags).catch(() => tags.forEach((t) => state.pending.add(t)));
    }
    return shared;
  }

  /** @param {string} key @param {any} ctx */
  async get(key, ctx) {
    if (this.local) return this.local.get(key, ctx);
    const shared = await this.ready();
    return shared ? shared.get(key, ctx).catch(() => null) : null;
  }

  /** @param {string} key @param {any} data @param {any} ctx */
  async set(key, data, ctx) {
    if (this.local) return this.local.set(key, data, ctx);
    const shared = await this.ready();
    await shared?.set(key, data, ctx).catch(() => {});
  }

  /** @param {string | string[]} tags @param {any} [durations] */
  async revalidateTag(tags, durations) {
    if (this.local) return this.local.revalidateTag(tags, durations);
    const list = typeof tags === 'string' ? [tags] : tags;
    const shared = await this.ready();
    if (!shared) {
      list.forEach((t) => state.pending.add(t));
      return;
    }
    await shared
      .revalidateTag(list, durations)
      .catch(() => list.forEach((t) => state.pending.add(t)));
  }

  resetRequestCache() {
    this.local?.resetRequestCache?.();
  }
}
