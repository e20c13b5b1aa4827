/**
 * Build scale: generates N articles into a scratch copy of the project and runs the full
 * production build (the content build: compile, check, rank, index; then next build), recording
 * wall time, peak memory summed over every build process, the time of each stage and the output
 * size; then a rebuild after one edit with the caches a CI would keep (.masthead, .next/cache).
 *
 *   npx tsx bench/build.ts 1000 5000 10000
 *
 * The load average is recorded: on 2 cores, anything else running shows up in every figure.
 * Results are appended to bench/.scratch/build-results.jsonl and printed as a Markdown table.
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { treeRssKiB } from './process-tree';
import { repo, scratchProject, scratchRoot } from './scratch-project';

type StageResult = { wallS: number; peakMiB: number; output: string };

function runStage(
  cwd: string,
  command: string,
  args: string[],
  extraEnv: Record<string, string>,
): Promise<StageResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...extraEnv, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let peak = 0;
    const sampler = setInterval(() => {
      try {
        peak = Math.max(peak, treeRssKiB(child.pid!));
      } catch {
        // The tree can change under ps; the next sample will do.
      }
    }, 250);
    child.on('exit', (code) => {
      clearInterval(sampler);
      const wallS = (performance.now() - start) / 1000;
      if (code !== 0) reject(new Error(`${command} ${args.join(' ')} exited ${code}\n${output}`));
      else resolve({ wallS, peakMiB: Math.round(peak / 1024), output });
    });
  });
}

function duMiB(dir: string): number {
  const kib = Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]);
  return Math.round(kib / 1024);
}

function seconds(output: string, pattern: RegExp): number | undefined {
  const m = output.match(pattern);
  if (!m) return undefined;
  return m[2] === 'ms' ? Number(m[1]) / 1000 : Number(m[1]);
}

async function benchOne(n: number) {
  const dir = scratchProject(`build-${n}`, n);

  // The two steps of `npm run build`, as package.json has them, timed one by one.
  const [contentStep, nextStep] = (
    JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
      scripts: { build: string };
    }
  ).scripts.build.split(' && ');
  const env = { PATH: `${path.join(repo, 'node_modules', '.bin')}:${process.env.PATH}` };
  const content = await runStage(dir, 'sh', ['-c', contentStep!], env);
  const next = await runStage(dir, 'sh', ['-c', nextStep!], env);
  const result: Record<string, unknown> & { n: number } = {
    n,
    date: new Date().toISOString(),
    load: loadavg()[0]!.toFixed(1),
    wallS: +(content.wallS + next.wallS).toFixed(1),
    peakMiB: Math.max(content.peakMiB, next.peakMiB),
    contentS: +content.wallS.toFixed(1),
    contentCompileS: seconds(content.output, /compile ([\d.]+) (s)/),
    rankIndexS: seconds(content.output, /rank and index ([\d.]+) (s)/),
    nextS: +next.wallS.toFixed(1),
    compileS: seconds(next.output, /Compiled successfully in ([\d.]+)(m?s)/),
    typescriptS: seconds(next.output, /Finished TypeScript in ([\d.]+)(m?s)/),
    staticS: seconds(next.output, /Generating static pages .*\) in ([\d.]+)(m?s)/),
    stagePeaksMiB: { content: content.peakMiB, next: next.peakMiB },
    mastheadMiB: duMiB(path.join(dir, '.masthead')),
    nextMiB: duMiB(path.join(dir, '.next')),
    pages: readdirSync(path.join(dir, '.next', 'server', 'app'), { recursive: true }).filter((f) =>
      String(f).endsWith('.html'),
    ).length,
  };
  // An editor's correction, rebuilt with the caches a CI keeps between runs (.masthead and
  // .next/cache) still there.
  const edited = path.join(dir, 'content', 'articles', 'article-0.mdx');
  writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nA paragraph added by an editor.\n`);
  const warmContent = await runStage(dir, 'sh', ['-c', contentStep!], env);
  const warmNext = await runStage(dir, 'sh', ['-c', nextStep!], env);
  Object.assign(result, {
    warmWallS: +(warmContent.wallS + warmNext.wallS).toFixed(1),
    warmContentS: +warmContent.wallS.toFixed(1),
    warmNextS: +warmNext.wallS.toFixed(1),
    warmPeakMiB: Math.max(warmContent.peakMiB, warmNext.peakMiB),
  });
  appendFileSync(path.join(scratchRoot, 'build-results.jsonl'), `${JSON.stringify(result)}\n`);
  if (!process.env.KEEP_SCRATCH) rmSync(dir, { recursive: true, force: true });
  return result;
}

const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('usage: npx tsx bench/build.ts N [N ...]');
  process.exit(2);
}
console.log(
  '| N | wall s | peak MiB (sum) | content s | of it: compile s | rank and index s | next build s | compile s | tsc s | static pages s | HTML pages | .next MiB | rebuild after one edit s (content + next) | rebuild peak MiB | load |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const n of sizes) {
  const r = await benchOne(n);
  console.log(
    `| ${r.n} | ${r.wallS} | ${r.peakMiB} | ${r.contentS} | ${r.contentCompileS ?? '–'} | ${r.rankIndexS ?? '–'} | ${r.nextS} | ${r.compileS ?? '–'} | ${r.typescriptS ?? '–'} | ${r.staticS ?? '–'} | ${r.pages} | ${r.nextMiB} | ${r.warmWallS} (${r.warmContentS} + ${r.warmNextS}) | ${r.warmPeakMiB} | ${r.load} |`,
  );
}
