/**
 * Time to live: how long after `npm run publish` starts a new, an edited and a removed article
 * are what readers get everywhere they look, on a running `next start` of an archive of N
 * generated articles.
 *
 *   npx tsx bench/publish.ts 1000 10000
 *
 * For each N: a scratch copy with the archive (bench/scratch-project.ts), `npm run build`, then
 * `next start`, asked for search and the front page once, as a server readers use would have
 * been. Each case changes one file, runs `npm run publish` and polls (every 100 ms) the
 * article's URL, the front page, its section's first page, its first topic's page, /feed.xml,
 * /sitemap.xml (for a new or removed story) and search, until every one shows the change. The
 * new and the edited articles are the newest, so they belong on every first page. Results are appended to
 * bench/.scratch/publish-results.jsonl and printed as a Markdown table.
 *
 *   npx tsx bench/publish.ts --cluster 10000
 *
 * The same with two `next start` instances of the build sharing a Redis page cache (a private
 * server on loopback) and the content folder: publish asks the first; a case is live when every
 * place shows it on both.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  readdirSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { tagSlug } from '../lib/content/listings/tags';
import { randomBytes } from 'node:crypto';
import { privateRedis } from '../test/support/private-redis.mjs';
import { startNext } from '../test/support/server.mjs';
import { repo, scratchProject, scratchRoot } from './scratch-project';

const SECRET = 'bench-publish-secret';
const PORT = 3330;
const bin = (name: string) => path.join(repo, 'node_modules', '.bin', name);

type Case = { name: string; ms: number; cliMs: number; places: number; output: string };

function frontmatter(file: string): { section: string; tags: string[]; date: string } {
  const text = readFileSync(file, 'utf8');
  const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1] ?? '';
  return {
    section: field('section'),
    tags: field('tags')
      .replace(/^\[|\]$/g, '')
      .split(', '),
    date: field('date'),
  };
}

/** Runs npm run publish; resolves when it exits, with how long it took and what it said. */
function publish(
  dir: string,
  base: string,
): Promise<{ code: number | null; ms: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(bin('tsx'), ['scripts/publish.ts', '--server', base], {
      cwd: dir,
      env: { ...process.env, PUBLISH_SECRET: SECRET },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, ms: performance.now() - started, output }));
  });
}

/** Polls every place until each shows (or no longer shows) the story; ms from `started`. */
async function timeToLive(
  base: string,
  places: string[],
  shows: (url: string, status: number, text: string) => boolean,
  started: number,
  limitMs = 60_000,
): Promise<number> {
  const pending = new Set(places);
  while (pending.size > 0) {
    if (performance.now() - started > limitMs) return Infinity;
    await Promise.all(
      [...pending].map(async (url) => {
        const response = await fetch(base + url).catch(() => undefined);
        if (response && shows(url, response.status, await response.text())) pending.delete(url);
      }),
    );
    if (pending.size > 0) await new Promise((r) => setTimeout(r, 100));
  }
  return performance.now() - started;
}

async function runCase(
  name: string,
  dir: string,
  bases: string[],
  change: () => {
    url: string;
    section: string;
    tag: string;
    word: string;
    marker: string;
    gone: boolean;
  },
): Promise<Case> {
  const started = performance.now();
  const { url, section, tag, word, marker, gone } = change();
  // The sitemap lists addresses, not headlines: it shows a new or removed story, not an edit.
  const places = [url, '/', `/${section}`, `/tags/${tag}`, '/feed.xml', `/search?q=${word}`];
  if (name !== 'edited') places.push('/sitemap.xml');
  const cli = publish(dir, bases[0]!);
  const times = await Promise.all(
    bases.map((base) =>
      timeToLive(
        base,
        places,
        (place, status, text) =>
          gone
            ? place === url
              ? status === 404
              : !text.includes(marker)
            : status === 200 && text.includes(marker),
        started,
      ),
    ),
  );
  const ms = Math.max(...times);
  const done = await cli;
  if (done.code !== 0) throw new Error(`publish (${name}) exited ${done.code}:\n${done.output}`);
  return {
    name,
    ms: Math.round(ms),
    cliMs: Math.round(done.ms),
    places: places.length,
    output: done.output.trim(),
  };
}

async function benchOne(n: number, cluster: boolean) {
  const dir = scratchProject(`publish-${n}`, n);
  const env = {
    ...process.env,
    PATH: `${path.join(repo, 'node_modules', '.bin')}:${process.env.PATH}`,
  };
  execFileSync('sh', ['-c', 'tsx scripts/content.ts && next build'], {
    cwd: dir,
    env,
    stdio: 'ignore',
  });
  const redis = cluster ? await privateRedis(6393) : undefined;
  const shared = redis
    ? {
        REDIS_URL: redis.url,
        COMMENTS_SECRET: randomBytes(32).toString('hex'),
        NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      }
    : {};
  const servers = await Promise.all(
    (cluster ? [PORT, PORT + 1] : [PORT]).map((port) =>
      startNext({ port, cwd: dir, env: { PUBLISH_SECRET: SECRET, ...shared } }),
    ),
  );
  const bases = servers.map((s) => s.base);
  // A server that has been answering readers: its search index is loaded (a cold process loads
  // the full index once, seconds at 10,000 articles) and its first pages rendered.
  for (const base of bases)
    for (const url of ['/search?q=warm', '/', '/feed.xml']) await fetch(base + url);
  const articles = path.join(dir, 'content', 'articles');
  const byDate = readdirSync(articles)
    .map((file) => ({ file, ...frontmatter(path.join(articles, file)) }))
    .sort((a, b) => b.date.localeCompare(a.date));
  const newest = byDate[0]!;
  const cases: Case[] = [];
  try {
    cases.push(
      await runCase('new', dir, bases, () => {
        const { section, tags } = newest;
        writeFileSync(
          path.join(articles, 'bench-new-story.mdx'),
          `---\ntitle: "Benchpublish a story filed just now"\ndek: "Filed while the server ran."\ndate: ${new Date().toISOString()}\nsection: ${section}\nauthor: author-1\ntags: [${tags.join(', ')}]\n---\n\nA story with the word benchpublish in it.\n`,
        );
        const slug = 'bench-new-story';
        return {
          url: `/${section}/${slug}`,
          section,
          tag: tagSlug(tags[0]!),
          word: 'benchpublish',
          marker: slug,
          gone: false,
        };
      }),
    );
    cases.push(
      await runCase('edited', dir, bases, () => {
        const file = path.join(articles, newest.file);
        const text = readFileSync(file, 'utf8').replace(/^title: "/m, 'title: "Benchedited ');
        writeFileSync(file, text);
        const slug = newest.file.replace(/\.mdx$/, '');
        return {
          url: `/${newest.section}/${slug}`,
          section: newest.section,
          tag: tagSlug(newest.tags[0]!),
          word: 'benchedited',
          marker: 'Benchedited',
          gone: false,
        };
      }),
    );
    cases.push(
      await runCase('removed', dir, bases, () => {
        unlinkSync(path.join(articles, 'bench-new-story.mdx'));
        const slug = 'bench-new-story';
        return {
          url: `/${newest.section}/${slug}`,
          section: newest.section,
          tag: tagSlug(newest.tags[0]!),
          word: 'benchpublish',
          marker: slug,
          gone: true,
        };
      }),
    );
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await redis?.destroy();
  }
  const result = {
    n,
    instances: servers.length,
    date: new Date().toISOString(),
    load: loadavg()[0]!.toFixed(1),
    cases,
  };
  appendFileSync(path.join(scratchRoot, 'publish-results.jsonl'), `${JSON.stringify(result)}\n`);
  if (!process.env.KEEP_SCRATCH) rmSync(dir, { recursive: true, force: true });
  return result;
}

const cluster = process.argv.includes('--cluster');
const sizes = process.argv
  .slice(2)
  .filter((a) => a !== '--cluster')
  .map(Number);
if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('usage: npx tsx bench/publish.ts [--cluster] N [N ...]');
  process.exit(2);
}
console.log(
  '| N | instances | change | live everywhere after | npm run publish took | places | load |',
);
console.log('|---:|---:|---|---:|---:|---:|---:|');
for (const n of sizes) {
  const r = await benchOne(n, cluster);
  for (const c of r.cases) {
    console.log(
      `| ${n} | ${r.instances} | ${c.name} | ${(c.ms / 1000).toFixed(1)} s | ${(c.cliMs / 1000).toFixed(1)} s | ${c.places} | ${r.load} |`,
    );
    console.log(`<!-- ${c.output.split('\n').join(' / ')} -->`);
  }
}
