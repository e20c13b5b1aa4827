// The two maintained Redis cache handlers for Next 16, measured on what a publish asks of them
// at 10,000 articles: every cached page is an entry with its path tags, and one publish
// revalidates a few thousand paths in one call (lib/publish/sync.ts; Next hands the handler
// the whole list). Also the cost of a read, which every request pays.
//   node bench/cache-handlers.mjs [--pages 10000] [--tags 4000]
// Installs @fortedigital/nextjs-cache-handler into bench/.scratch/forte (it is not a dependency
// of the project) and runs a private Redis on loopback. Figures go to stdout, for BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { privateRedis } from '../test/support/private-redis.mjs';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '10000' },
    tags: { type: 'string', default: '4000' },
  },
});
const PAGES = Number(values.pages);
const TAGS = Number(values.tags);
const root = path.resolve(import.meta.dirname, '..');
const forteDir = path.join(root, 'bench', '.scratch', 'forte');
if (!existsSync(path.join(forteDir, 'node_modules', '@fortedigital'))) {
  mkdirSync(forteDir, { recursive: true });
  writeFileSync(path.join(forteDir, 'package.json'), '{"private":true,"type":"module"}');
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '@fortedigital/nextjs-cache-handler@3.3.0', 'redis@5'],
    {
      cwd: forteDir,
      stdio: 'inherit',
    },
  );
}
const forteRequire = createRequire(path.join(forteDir, 'package.json'));
const ours = createRequire(path.join(root, 'package.json'));

/** A cached article page as Next stores it: 60 KB of HTML, its RSC payload, its tags. */
const html = 'x'.repeat(60_000);
const rscData = Buffer.from('y'.repeat(30_000));
const pagePath = (i) => `/world/article-${i}`;
const pageTags = (i) => [
  '_N_T_/layout',
  '_N_T_/world/layout',
  `_N_T_${pagePath(i)}/layout`,
  `_N_T_${pagePath(i)}`,
];
const value = (i) => ({
  kind: 'APP_PAGE',
  html,
  rscData,
  headers: { 'x-next-cache-tags': pageTags(i).join(',') },
  status: 200,
  postponed: undefined,
  segmentData: new Map(),
});
// What a publish at 10,000 articles revalidates: thousands of article pages and a few listings.
const revalidated = Array.from(
  { length: TAGS },
  (_, i) => `_N_T_${pagePath(i * Math.floor(PAGES / TAGS))}`,
);

const time = async (work) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

async function measure(name, handler, { set, revalidate, get }) {
  const fill = await time(async () => {
    for (let i = 0; i < PAGES; i += 100)
      await Promise.all(
        Array.from({ length: Math.min(100, PAGES - i) }, (_, j) => set(handler, i + j)),
      );
  });
  const reads = 500;
  const read = await time(async () => {
    for (let i = 0; i < reads; i++) await get(handler, (i * 37) % PAGES);
  });
  const invalidate = await time(() => revalidate(handler, revalidated));
  const gone = (await get(handler, 0)) === null;
  console.log(
    `${name}: fill ${PAGES} pages ${(fill / 1000).toFixed(1)} s; a read ${(read / reads).toFixed(2)} ms; ` +
      `revalidating ${TAGS} paths in one publish ${(invalidate / 1000).toFixed(2)} s; revalidated page gone: ${gone}`,
  );
  return { fill, readMs: read / reads, invalidate };
}

const redis = await privateRedis(6392);
try {
  // @trieb.work/nextjs-turbo-redis-cache, as lib/cluster/cache-handler.mjs makes it.
  process.env.SKIP_KEYSPACE_CONFIG_CHECK = 'false';
  const { RedisStringsHandler } = ours('@trieb.work/nextjs-turbo-redis-cache');
  const trieb = new RedisStringsHandler({
    redisUrl: redis.url,
    database: 0,
    keyPrefix: 'bench-trieb:',
    inMemoryCachingTime: 0,
  });
  await measure('@trieb.work/nextjs-turbo-redis-cache 1.18.0', trieb, {
    set: (h, i) =>
      h.set(pagePath(i), value(i), {
        tags: [],
        cacheControl: { revalidate: 30, expire: 31536000 },
      }),
    get: (h, i) => h.get(pagePath(i), { kind: 'APP_PAGE', softTags: [] }),
    revalidate: (h, tags) => h.revalidateTag(tags),
  });
  // Left connected: the handler's timers still publish on it (quitting throws in them).
  redis.cli('flushall');

  // @fortedigital/nextjs-cache-handler's redis-strings handler, called as its CacheHandler
  // calls it: once per tag.
  const { createClient } = forteRequire('redis');
  const client = createClient({ url: redis.url });
  await client.connect();
  const createHandler = (
    await import(
      path.join(
        forteDir,
        'node_modules',
        '@fortedigital',
        'nextjs-cache-handler',
        'dist',
        'handlers',
        'redis-strings.js',
      )
    )
  ).default;
  const forte = createHandler({ client, keyPrefix: 'bench-forte:' });
  await measure('@fortedigital/nextjs-cache-handler 3.3.0', forte, {
    set: (h, i) =>
      h.set(pagePath(i), {
        lastModified: Date.now(),
        lifespan: null,
        tags: pageTags(i),
        value: value(i),
      }),
    get: (h, i) => h.get(pagePath(i), { implicitTags: pageTags(i) }),
    revalidate: async (h, tags) => {
      for (const tag of tags) await h.revalidateTag(tag);
    },
  });
  await client.quit();
} finally {
  await redis.destroy();
}
process.exit(0);
