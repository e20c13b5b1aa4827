/**
 * What replacing contentlayer2 would buy: compiles the same generated articles with
 * @mdx-js/mdx and the same remark/rehype plugins the site uses, split over worker threads,
 * and reports wall time and peak memory. Compare with the content step of bench/build.ts.
 *
 *   npx tsx bench/mdx-compile.ts 10000 [workers]
 */
import { compile } from '@mdx-js/mdx';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parseFrontmatter } from '../lib/content/build/frontmatter';
import { mdxPlugins } from '../lib/content/mdx/plugins';
import { extractToc } from '../lib/content/mdx/toc';
import { writeBuildCorpus } from './build-corpus';

async function compileAll(files: string[]): Promise<number> {
  let bytes = 0;
  for (const file of files) {
    const { data, body } = parseFrontmatter(readFileSync(file, 'utf8'));
    const code = await compile(body, {
      outputFormat: 'function-body',
      ...mdxPlugins(),
    });
    bytes += String(code).length + JSON.stringify({ data, toc: extractToc(body) }).length;
  }
  return bytes;
}

if (!isMainThread) {
  parentPort!.postMessage(await compileAll(workerData as string[]));
} else {
  const n = Number(process.argv[2] ?? 1000);
  const workers = Number(process.argv[3] ?? cpus().length);
  const dir = path.join(import.meta.dirname, '.scratch', `mdx-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'public', 'images'), { recursive: true });
  writeBuildCorpus(path.join(dir, 'content'), path.join(import.meta.dirname, '..', 'public'), n);
  const articles = path.join(dir, 'content', 'articles');
  const files = readdirSync(articles).map((f) => path.join(articles, f));

  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const start = performance.now();
  const shards = Array.from({ length: workers }, (_, w) =>
    files.filter((_, i) => i % workers === w),
  );
  const bytes = await Promise.all(
    shards.map(
      (shard) =>
        new Promise<number>((resolve, reject) => {
          // A worker does not inherit tsx's loader; register it before loading this file.
          const entry = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
          const worker = new Worker(entry, { eval: true, workerData: shard });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  clearInterval(sampler);
  const wall = (performance.now() - start) / 1000;
  console.log(
    `${n} articles, ${workers} worker(s): ${wall.toFixed(1)} s wall, ${Math.round(peak / 2 ** 20)} MiB peak RSS, ${Math.round(bytes.reduce((a, b) => a + b, 0) / 2 ** 20)} MiB of output`,
  );
  rmSync(dir, { recursive: true, force: true });
}
