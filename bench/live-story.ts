/**
 * A live story of 1,000 entries (issue 21): does it build, render and poll within the budgets
 * of the sample's? On one standalone instance of this checkout's build (run
 * `MASTHEAD_STANDALONE=1 npm run build` first):
 *
 *   npx tsx bench/live-story.ts [entries=1000]
 *
 * In test/.scratch/bench-live-story (not under bench/: a desk there would find
 * bench/node_modules, whose zod is another): the instance laid out as the image lays it out, a
 * desk (a checkout without the build) and a content folder of its own.
 * 1. The content build of the sample newsroom, cold; then the same after the generated story is
 *    added (test/support/live-story.ts): the second compiles, checks and indexes that story alone.
 * 2. The server started on that content: the story's first page asked twice (the first renders
 *    it, the second is the cache's), its last page once, its live.json (with and without the
 *    ETag), with sizes; the sample live story's first page for comparison.
 * 3. One more entry published (`npm run publish`), timed until the first page and live.json
 *    show it (the budget: 10 s for the HTML).
 * 4. 200 polls of its live.json one after another, with the ETag and without.
 * Results are appended to bench/.scratch/live-story-results.jsonl and printed.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { liveStoryMdx, LIVE_STORY_DEFAULTS, writeLiveStory } from '../test/support/live-story';
import { benchInstance, clusterUnavailable, root } from '../test/checks/cluster/instances.mjs';

const entries = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(entries) || entries < 1) {
  console.error('usage: npx tsx bench/live-story.ts [entries]');
  process.exit(2);
}
const why = clusterUnavailable();
if (why) throw new Error(why);
const SAMPLE = '/politics/hollisport-transit-strike-live';
const {
  scratch,
  desk,
  content,
  secret: SECRET,
  start,
} = benchInstance('bench-live-story', {
  content: false,
});
const env = { ...process.env, MASTHEAD_CONTENT_DIR: content, PUBLISH_SECRET: SECRET };
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** Runs a script of the desk's; its wall time and the line it ends with. */
function timed(args: string[]): { ms: number; said: string } {
  const started = performance.now();
  const out = execFileSync(tsx, args, { cwd: desk, env, encoding: 'utf8' });
  return { ms: Math.round(performance.now() - started), said: out.trim().split('\n').at(-1) ?? '' };
}

const sampleBuild = timed(['scripts/content.ts']);
const { url, file } = writeLiveStory(path.join(desk, 'content'), { entries });
const sourceBytes = liveStoryMdx({ entries }).length;
const storyBuild = timed(['scripts/content.ts']);

const port = 3341;
const server = await start(port);
const base = server.base;

async function get(page: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(base + page, { headers });
  const body = await response.text();
  return {
    status: response.status,
    ms: Math.round(performance.now() - started),
    bytes: Buffer.byteLength(body),
    gzip: gzipSync(body).length,
    body,
    etag: response.headers.get('etag'),
  };
}

/** Milliseconds from `started` until every check holds, polled every 100 ms; -1 past 60 s. */
async function until(started: number, checks: (() => Promise<boolean>)[]) {
  const pending = new Set(checks);
  while (pending.size > 0) {
    if (performance.now() - started > 60_000) return -1;
    for (const check of [...pending]) if (await check()) pending.delete(check);
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 100));
  }
  return Math.round(performance.now() - started);
}

try {
  const first = await get(url);
  const cached = await get(url);
  const lastPage = await get(`${url}/page/50`);
  const feed = await get(`${url}/live.json`);
  const notModified = await get(`${url}/live.json`, { 'if-none-match': feed.etag ?? '' });
  const sample = await get(SAMPLE);
  const sampleFeed = await get(`${SAMPLE}/live.json`);

  // One more entry, published into the running server.
  const time = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
  const id = `update-${time.slice(0, 16).replace(/[-:]/g, '').toLowerCase()}z`;
  appendFileSync(
    file,
    `\n<Update time="${time.replace('.000Z', 'Z')}" title="Entry ${entries + 1}">\n\nJust in.\n\n</Update>\n`,
  );
  const started = performance.now();
  const publish = timed(['scripts/publish.ts', '--server', base]);
  // An answer cut off while the new version arrives is counted (and said), not a crash here.
  const cut: string[] = [];
  const shows = (page: string, marker: string) => async () => {
    try {
      return (await get(page)).body.includes(marker);
    } catch (error) {
      cut.push(`${page}: ${String((error as Error).cause ?? error)}`);
      return false;
    }
  };
  const inHtml = shows(url, `id="${id}"`);
  const inFeed = shows(`${url}/live.json`, `"id":"${id}"`);
  const [htmlMs, feedMs] = await Promise.all([until(started, [inHtml]), until(started, [inFeed])]);

  // Polls one after another, as many readers' would arrive: with the current ETag (a 304) and
  // without (the whole newest page). How many a second one instance takes is
  // bench/live-poll.mjs's (the feed is the newest page whatever the story's length).
  const etag = (await get(`${url}/live.json`)).etag ?? '';
  const median = async (headers: Record<string, string>) => {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) times.push((await get(`${url}/live.json`, headers)).ms);
    return times.sort((a, b) => a - b)[100] ?? -1;
  };
  const polls = {
    notModifiedMs: await median({ 'if-none-match': etag }),
    fullMs: await median({}),
  };

  const result = {
    date: new Date().toISOString(),
    load: loadavg().map((l) => l.toFixed(2)),
    entries,
    sourceBytes,
    sampleBuild,
    storyBuild,
    firstPage: {
      status: first.status,
      renderMs: first.ms,
      cachedMs: cached.ms,
      bytes: first.bytes,
      gzip: first.gzip,
    },
    lastPage: { status: lastPage.status, renderMs: lastPage.ms, bytes: lastPage.bytes },
    feed: {
      status: feed.status,
      ms: feed.ms,
      bytes: feed.bytes,
      gzip: feed.gzip,
      notModified: notModified.status,
    },
    sample: { pageBytes: sample.bytes, pageGzip: sample.gzip, feedBytes: sampleFeed.bytes },
    publish: { cliMs: publish.ms, said: publish.said, htmlMs, feedMs, cut },
    polls,
  };
  mkdirSync(path.join(root, 'bench', '.scratch'), { recursive: true });
  appendFileSync(
    path.join(root, 'bench', '.scratch', 'live-story-results.jsonl'),
    `${JSON.stringify(result)}\n`,
  );
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const s = (ms: number) => (ms < 0 ? '> 60 s' : `${(ms / 1000).toFixed(1)} s`);
  console.log(
    `${result.date}, load ${result.load.join(' ')}, ${entries} entries (${kb(sourceBytes)} of MDX), starting ${LIVE_STORY_DEFAULTS.start}`,
  );
  console.log('| figure | value |');
  console.log('|---|---:|');
  const rows: [string, string][] = [
    ['content build, sample newsroom, cold', `${s(sampleBuild.ms)} (${sampleBuild.said})`],
    [
      'content build with the story added (that story alone compiled)',
      `${s(storyBuild.ms)} (${storyBuild.said})`,
    ],
    ['first page: first request (renders)', `${first.ms} ms (status ${first.status})`],
    ['first page: second request (cached)', `${cached.ms} ms`],
    [
      'first page: HTML',
      `${kb(first.bytes)} (${kb(first.gzip)} gzip); the sample story's ${kb(sample.bytes)} (${kb(sample.gzip)} gzip)`,
    ],
    [
      'page 50: first request (renders)',
      `${lastPage.ms} ms, ${kb(lastPage.bytes)} (status ${lastPage.status})`,
    ],
    [
      'live.json',
      `${kb(feed.bytes)} (${kb(feed.gzip)} gzip), ${feed.ms} ms; the sample story's ${kb(sampleFeed.bytes)}; with its ETag: ${notModified.status}`,
    ],
    ['one more entry: npm run publish took', `${s(publish.ms)} (${publish.said})`],
    ["one more entry: in the first page's HTML", s(htmlMs)],
    ['one more entry: in live.json', s(feedMs)],
    ['answers cut off while it was published', cut.length === 0 ? 'none' : cut.join('; ')],
    [
      '200 polls one after another, median',
      `${polls.notModifiedMs} ms with the ETag (304), ${polls.fullMs} ms without (200)`,
    ],
  ];
  for (const [figure, value] of rows) console.log(`| ${figure} | ${value} |`);
} finally {
  await server.stop();
  if (!process.env.KEEP_SCRATCH) rmSync(scratch, { recursive: true, force: true });
}
