/**
 * Times the comment import (lib/import/wordpress/comments.ts) on a generated export
 * (bench/wxr-export.ts): 10,000 posts and 100,000 comments by default, threaded, one in four
 * given the markup WordPress comments carry (a paragraph, a link, an entity) so the HTML
 * path is timed as well as the plain one. Issue 19's target: 100,000 comments well under 30 s
 * on SQLite on the shared 2-core machine.
 *
 *   npx tsx bench/wxr-comments.ts [posts=10000] [commentsPerPost=10]
 *
 * Prints, for a fresh SQLite file (and for PostgreSQL when TEST_DATABASE_URL is set, in a
 * schema of its own): the import fed by the streaming reader from the file (reading
 * included), then with the comments handed over from memory (the import's own cost), and the
 * same again (the idempotent run: nothing to write); wall and CPU time, and peak RSS. The
 * machine is shared: the load average is printed beside the times.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { createDb, migrate } from '../lib/comments/db';
import type { Database } from '../lib/comments/types';
import { importComments, type PostComments } from '../lib/import/wordpress/comments';
import { readWxrFile } from '../lib/import/wordpress/reader';
import { postgresDatabase } from '../test/support/test-databases';
import { writeWxrExport } from './wxr-export';

const posts = Number(process.argv[2] ?? 10_000);
const commentsPerPost = Number(process.argv[3] ?? 10);

/** One in four comments as WordPress stores a comment with markup. */
function withMarkup(post: PostComments): PostComments {
  return {
    ...post,
    comments: post.comments.map((comment, i) =>
      i % 4 === 3
        ? {
            ...comment,
            content: `<p>${comment.content} See <a href="https://source.example/${comment.id}">the source</a> &amp; <em>this</em>.</p>`,
          }
        : comment,
    ),
  };
}

async function* fromFile(file: string): AsyncGenerator<PostComments> {
  for await (const record of readWxrFile(file)) {
    if (record.kind !== 'item' || record.item.comments.length === 0) continue;
    const { item } = record;
    yield withMarkup({
      articleSlug: item.postName,
      wpPostId: item.postId,
      comments: item.comments,
    });
  }
}

async function timed(label: string, run: () => Promise<string>): Promise<void> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await run();
  const used = process.cpuUsage(cpu);
  const wall = (performance.now() - started) / 1000;
  const cpuS = (used.user + used.system) / 1e6;
  const load = loadavg()[0]?.toFixed(1);
  console.log(
    `${label.padEnd(34)} ${wall.toFixed(1).padStart(6)} s wall ${cpuS.toFixed(1).padStart(6)} s CPU  load ${load}  ${result}`,
  );
}

type Opened = { db: Kysely<Database>; close: () => Promise<void> };

/** Fed by the streaming reader: the whole path, memory as an import's own. */
async function fromTheFile(name: string, open: () => Promise<Opened>, file: string) {
  const opened = await open();
  try {
    await timed(`${name}: reading the file too`, async () => {
      const report = await importComments(opened.db, 'https://news.example', fromFile(file));
      return `${report.imported} imported`;
    });
  } finally {
    await opened.close();
  }
}

/** Handed over from memory: the import's own cost, then the idempotent run. */
async function fromMemory(name: string, open: () => Promise<Opened>, inMemory: PostComments[]) {
  const opened = await open();
  try {
    await timed(`${name}: import from memory`, async () => {
      const report = await importComments(opened.db, 'https://news.example', inMemory);
      return `${report.imported} imported, ${report.held} held, ${report.flattened} flattened`;
    });
    await timed(`${name}: the same again`, async () => {
      const report = await importComments(opened.db, 'https://news.example', inMemory);
      return `${report.unchanged} unchanged, ${report.imported} imported`;
    });
  } finally {
    await opened.close();
  }
}

async function openSqlite(): Promise<Opened> {
  const dir = mkdtempSync(path.join(tmpdir(), 'masthead-bench-comments-'));
  const db = createDb({ sqlitePath: path.join(dir, 'comments.sqlite') });
  await migrate(db);
  return {
    db,
    close: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const scratch = path.join(import.meta.dirname, '.scratch');
mkdirSync(scratch, { recursive: true });
// The same file bench/wxr-reader.ts writes for the same shape.
const file = path.join(scratch, `wxr-${posts}-${commentsPerPost}.xml`);
if (!existsSync(file)) await writeWxrExport(file, { posts, commentsPerPost });

const url = process.env.TEST_DATABASE_URL;
const databases: [string, () => Promise<Opened>][] = [['SQLite', openSqlite]];
if (url) databases.push(['PostgreSQL', postgresDatabase(url).open]);

console.log(`${posts} posts, ${posts * commentsPerPost} comments, Node ${process.version}`);
for (const [name, open] of databases) await fromTheFile(name, open, file);
const peakFromFile = process.resourceUsage().maxRSS;

// The in-memory runs hold all the comments at once, which an import never does.
const inMemory: PostComments[] = [];
for await (const post of fromFile(file)) inMemory.push(post);
for (const [name, open] of databases) await fromMemory(name, open, inMemory);
console.log(
  `peak RSS ${Math.round(peakFromFile / 1024)} MiB reading the file, ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB with every comment held in memory`,
);
