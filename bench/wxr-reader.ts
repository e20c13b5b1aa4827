/**
 * Chooses the XML parser under the WordPress export reader by measurement: reads one
 * generated export (bench/wxr-export.ts) with each candidate, each in a process of its own so
 * peak memory is its own, and prints wall time and peak RSS. The target from issue 19:
 * 10,000 posts and 100,000 comments in at most 60 s and 1 GB, memory flat as the file grows.
 *
 *   npx tsx bench/wxr-reader.ts [posts=10000] [commentsPerPost=10] [candidate,candidate…]
 *
 * Candidates: `reader` (lib/import/wordpress: saxes, records, zod: the whole job), `saxes`
 * and `sax` (the bare streaming parsers, events counted and dropped), and `fast-xml-parser`
 * (the whole file parsed into one object, as it must be: it does not stream).
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';
import { readWxrFile } from '../lib/import/wordpress/reader';
import { writeWxrExport } from './wxr-export';

interface Counts {
  items: number;
  comments: number;
}

/** The parts of sax's API we use; sax ships no types. */
interface SaxParser {
  onopentag: (tag: { name: string }) => void;
  onerror: (error: Error) => void;
  write(chunk: string): SaxParser;
  close(): SaxParser;
}

async function streamWith(file: string, write: (chunk: string) => void): Promise<void> {
  for await (const chunk of createReadStream(file, {
    encoding: 'utf8',
    highWaterMark: 256 * 1024,
  })) {
    write(String(chunk));
  }
}

const CANDIDATES: Record<string, (file: string) => Promise<Counts>> = {
  async reader(file) {
    const counts = { items: 0, comments: 0 };
    for await (const record of readWxrFile(file)) {
      if (record.kind === 'item') {
        counts.items += 1;
        counts.comments += record.item.comments.length;
      }
    }
    return counts;
  },
  async saxes(file) {
    const counts = { items: 0, comments: 0 };
    const parser = new SaxesParser({ xmlns: true, position: true });
    parser.on('opentag', (tag) => {
      if (tag.name === 'item') counts.items += 1;
      else if (tag.name === 'wp:comment') counts.comments += 1;
    });
    await streamWith(file, (chunk) => parser.write(chunk));
    parser.close();
    return counts;
  },
  async sax(file) {
    const counts = { items: 0, comments: 0 };
    const sax = createRequire(import.meta.url)('sax') as {
      parser(strict: boolean, options: object): SaxParser;
    };
    const parser = sax.parser(true, { xmlns: true, position: true });
    parser.onopentag = (tag) => {
      if (tag.name === 'item') counts.items += 1;
      else if (tag.name === 'wp:comment') counts.comments += 1;
    };
    parser.onerror = (error) => {
      throw error;
    };
    await streamWith(file, (chunk) => parser.write(chunk));
    parser.close();
    return counts;
  },
  async 'fast-xml-parser'(file) {
    const parsed: unknown = new XMLParser({ ignoreAttributes: false }).parse(
      readFileSync(file, 'utf8'),
    );
    const channel = (parsed as { rss: { channel: { item: { 'wp:comment'?: unknown[] }[] } } }).rss
      .channel;
    return {
      items: channel.item.length,
      comments: channel.item.reduce((sum, item) => sum + (item['wp:comment']?.length ?? 0), 0),
    };
  },
};

async function runOne(name: string, file: string): Promise<void> {
  const run = CANDIDATES[name];
  if (!run) throw new Error(`unknown candidate ${name}`);
  const start = performance.now();
  const counts = await run(file);
  const ms = Math.round(performance.now() - start);
  const usage = process.resourceUsage();
  // CPU time beside wall time: on a shared machine the wall time says as much about the
  // neighbours as about the parser.
  const cpuMs = Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000);
  const peakMiB = Math.round(usage.maxRSS / 1024);
  process.stdout.write(JSON.stringify({ name, ms, cpuMs, peakMiB, ...counts }) + '\n');
}

async function main(): Promise<void> {
  if (process.argv[2] === '--run') {
    await runOne(process.argv[3] ?? '', process.argv[4] ?? '');
    return;
  }
  const posts = Number(process.argv[2] ?? 10_000);
  const commentsPerPost = Number(process.argv[3] ?? 10);
  const dir = path.join(import.meta.dirname, '.scratch');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `wxr-${posts}-${commentsPerPost}.xml`);
  if (!existsSync(file)) await writeWxrExport(file, { posts, commentsPerPost });
  const mib = (statSync(file).size / 1024 / 1024).toFixed(0);
  console.log(
    `${posts} posts (+${posts} attachments), ${posts * commentsPerPost} comments, ${mib} MiB`,
  );
  const names = process.argv[4]?.split(',') ?? Object.keys(CANDIDATES);
  for (const name of names) {
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--run', name, file],
      { encoding: 'utf8', maxBuffer: 1024 * 1024 },
    );
    console.log(
      child.status === 0 ? child.stdout.trim() : `${name} failed: ${child.stderr.slice(-500)}`,
    );
  }
}

await main();
