/**
 * The library side of replacing contentlayer2: compiles the same generated articles, authors and
 * sections with content-collections and with Velite, each given our remark/rehype plugins and a
 * schema for our frontmatter, and records wall time, peak memory summed over every process the
 * build starts, output size, and the same again after an editor changes one article (with
 * whatever cache the library keeps between runs). Compare with bench/mdx-compile.ts.
 *
 *   npx tsx bench/content-libraries.ts 10000 [--lib content-collections|velite]
 *   npx tsx bench/content-libraries.ts --bad-frontmatter   (what each says about a bad article)
 *
 * Velite runs terser over every compiled document by default; the figures are without it, as
 * bench/mdx-compile.ts has none. VELITE_MINIFY=1 measures Velite's default instead.
 *
 * The libraries are installed into bench/.scratch/libs, never into the project, at the versions
 * pinned below. Each build runs in a child process as the library's own build would; a cold run
 * that passes 25 minutes is stopped and reported as such. The load average is recorded at the
 * start of every run: on 2 cores, anything else running shows up in every figure. Results are
 * appended to bench/.scratch/content-libraries-results.jsonl and printed as a Markdown table.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { writeBuildCorpus } from './build-corpus';
import { processTree } from './process-tree';

const repo = path.resolve(import.meta.dirname, '..');
const scratchRoot = path.join(repo, 'bench', '.scratch');
const libsDir = path.join(scratchRoot, 'libs');
const pluginsFile = path.join(repo, 'lib', 'content', 'mdx', 'plugins.ts');
const COLD_LIMIT_S = 25 * 60;
const EDIT = '\nA paragraph added by an editor.\n';

/** Pinned so that a rerun measures the same code; the latest releases when this was written. */
const PINNED = {
  '@content-collections/core': '0.15.3',
  '@content-collections/mdx': '0.2.2',
  velite: '0.4.0',
};

type Run = {
  wallS: number;
  /** CPU of the build's processes, esbuild's included: over wall, how many cores it kept busy. */
  cpuS: number;
  /** The whole machine's busy and stolen CPU over the run, in seconds. */
  machine: { busyS: number; stolenS: number };
  peakMiB: number;
  load: string;
  output: string;
  stopped: boolean;
};

type Library = {
  name: 'content-collections' | 'velite';
  packages: (keyof typeof PINNED)[];
  /** The compilers underneath, whose versions are printed alongside. */
  engines: string[];
  /** What the site would import; measured on disk and searched to check the build's work. */
  outputDir: string;
  /** Kept between runs, as a CI cache would keep it; undefined when the library keeps none. */
  cacheDir?: string;
  writeConfig: (dir: string, pluginImport: string) => void;
  command: (dir: string) => string[];
  /** How this run differs from the library's defaults, for the table. */
  note: string;
};

/**
 * The machine's CPU counters from /proc/stat, in seconds (USER_HZ is 100 on Linux). Busy time
 * beyond the build's own is someone else's work (this bench's sampling, a few per cent of a
 * core, included); stolen time is the hypervisor's, which on this VM has reached a fifth of a
 * core and which the load average does not show.
 */
function machineCpu(): { busyS: number; stolenS: number } {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number) as number[];
  return {
    busyS: (user! + nice! + system! + irq! + softirq!) / 100,
    stolenS: steal! / 100,
  };
}

/**
 * User and system CPU a process has used so far, in seconds, from /proc/<pid>/stat. Read per
 * process because esbuild's service is not always reaped by the build, so a wrapper such as
 * GNU time misses it; the last 250 ms of each process go uncounted.
 */
function processCpuS(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Waits (up to five minutes) for five seconds in which the machine is close to idle: on a
 * shared 2-core machine another build or test run would otherwise land inside the figures.
 */
async function quiet(): Promise<void> {
  const deadline = performance.now() + 5 * 60_000;
  for (;;) {
    const before = machineCpu().busyS;
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const cores = (machineCpu().busyS - before) / 5;
    if (cores < 0.25) return;
    if (performance.now() > deadline) {
      console.error(`machine still busy (${cores.toFixed(2)} cores); measuring anyway`);
      return;
    }
  }
}

async function run(cwd: string, [command, ...args]: string[], limitS = Infinity): Promise<Run> {
  await quiet();
  return new Promise((resolve, reject) => {
    const load = loadavg()[0]!.toFixed(2);
    const before = machineCpu();
    const start = performance.now();
    const child = spawn(command!, args, {
      cwd,
      // A build for production, as `npm run build` would run it; Velite then writes compact JSON.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so that a run over the limit can be stopped with its esbuild.
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    let peak = 0;
    const cpu = new Map<number, number>();
    let stopped = false;
    const sampler = setInterval(() => {
      try {
        const tree = processTree(child.pid!);
        peak = Math.max(
          peak,
          [...tree.values()].reduce((a, b) => a + b, 0),
        );
        for (const pid of tree.keys()) cpu.set(pid, processCpuS(pid));
      } catch {
        // The tree can change under ps; the next sample will do.
      }
      if ((performance.now() - start) / 1000 > limitS && !stopped) {
        stopped = true;
        process.kill(-child.pid!, 'SIGKILL');
      }
    }, 250);
    child.on('exit', (code) => {
      clearInterval(sampler);
      const wallS = (performance.now() - start) / 1000;
      const after = machineCpu();
      const machine = {
        busyS: after.busyS - before.busyS,
        stolenS: after.stolenS - before.stolenS,
      };
      const cpuS = [...cpu.values()].reduce((a, b) => a + b, 0);
      const peakMiB = Math.round(peak / 1024);
      const result = { wallS, cpuS, machine, peakMiB, load, output, stopped };
      if (code !== 0 && !stopped)
        reject(new Error(`${[command, ...args].join(' ')} exited ${code}\n${output}`));
      else resolve(result);
    });
  });
}

function duMiB(dir: string): number {
  if (!existsSync(dir)) return 0;
  const kib = Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]);
  return Math.round(kib / 1024);
}

/** Occurrences of `needle` in the files under `dir`, read as bytes: the output can pass V8's string limit. */
function occurrences(dir: string, needle: string): number {
  const pattern = Buffer.from(needle);
  let count = 0;
  for (const file of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const bytes = readFileSync(path.join(file.parentPath, file.name));
    for (let at = bytes.indexOf(pattern); at !== -1; at = bytes.indexOf(pattern, at + 1)) count++;
  }
  return count;
}

function installedVersion(name: string): string | undefined {
  const file = path.join(libsDir, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function installLibraries(): void {
  const wanted = Object.entries(PINNED);
  if (wanted.every(([name, version]) => installedVersion(name) === version)) return;
  mkdirSync(libsDir, { recursive: true });
  execFileSync(
    'npm',
    [
      'install',
      '--prefix',
      libsDir,
      '--save-exact',
      '--no-audit',
      '--no-fund',
      ...wanted.map(([name, version]) => `${name}@${version}`),
    ],
    { stdio: 'inherit' },
  );
}

/**
 * The configs are JavaScript the library bundles with esbuild, which takes in our TypeScript
 * plugins. lib/content/mdx/plugins.ts has exported the lists and, since, a function that
 * returns them (with the compile failing on the first problem when given no reporter); either
 * way the plugins are the same, so the config takes whichever the file has.
 */
async function pluginImport(): Promise<string> {
  const plugins: Record<string, unknown> = await import('../lib/content/mdx/plugins');
  const from = JSON.stringify(pluginsFile);
  if (typeof plugins.mdxPlugins === 'function') {
    return `import { mdxPlugins } from ${from};\nconst { remarkPlugins, rehypePlugins } = mdxPlugins();`;
  }
  return `import { rehypePlugins, remarkPlugins } from ${from};`;
}

const contentCollections: Library = {
  name: 'content-collections',
  packages: ['@content-collections/core', '@content-collections/mdx'],
  engines: ['mdx-bundler', '@mdx-js/esbuild', 'esbuild'],
  outputDir: '.content-collections/generated',
  cacheDir: '.content-collections/cache',
  writeConfig(dir, plugins) {
    writeFileSync(
      path.join(dir, 'content-collections.mjs'),
      `import { defineCollection, defineConfig } from '@content-collections/core';
import { compileMDX } from '@content-collections/mdx';
import { z } from 'zod';
${plugins}

const date = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const withMdx = async (document, context) => ({
  ...document,
  id: document._meta.path,
  mdx: await compileMDX(context, document, { remarkPlugins, rehypePlugins }),
});

const articles = defineCollection({
  name: 'articles',
  directory: 'content/articles',
  include: '**/*.mdx',
  schema: z.strictObject({
    title: z.string(),
    dek: z.string(),
    date,
    updated: date.optional(),
    section: z.string(),
    author: z.union([z.string(), z.array(z.string()).min(1)]),
    tags: z.array(z.string()).default([]),
    image: z
      .strictObject({
        src: z.string(),
        alt: z.string(),
        caption: z.string().optional(),
        credit: z.string().optional(),
      })
      .optional(),
    draft: z.boolean().default(false),
    related: z.array(z.string()).optional(),
    corrections: z.array(z.strictObject({ date, text: z.string() })).optional(),
    content: z.string(),
  }),
  transform: withMdx,
});

const authors = defineCollection({
  name: 'authors',
  directory: 'content/authors',
  include: '*.mdx',
  schema: z.strictObject({
    name: z.string(),
    role: z.string().optional(),
    avatar: z.string().optional(),
    content: z.string(),
  }),
  transform: withMdx,
});

const sections = defineCollection({
  name: 'sections',
  directory: 'content/sections',
  include: '*.yaml',
  parser: 'yaml',
  schema: z.strictObject({
    name: z.string(),
    description: z.string(),
    order: z.number().default(100),
  }),
});

export default defineConfig({ content: [articles, authors, sections] });
`,
    );
    // What the library's CLI does, but failing the build on a bad document instead of dropping it.
    writeFileSync(
      path.join(dir, 'content-collections-build.mjs'),
      `import { createBuilder } from '@content-collections/core';

const builder = await createBuilder(${JSON.stringify(path.join(dir, 'content-collections.mjs'))});
let errors = 0;
builder.on('_error', (event) => {
  errors++;
  const where = event.file ? \`\${event.collection.directory}/\${event.file.path}\` : (event.filePath ?? '');
  console.error(\`\${event._event} \${where}\\n\${event.error.message}\`);
});
builder.on('builder:end', ({ stats, startedAt, endedAt }) =>
  console.log(\`built \${stats.documents} documents in \${endedAt - startedAt} ms\`),
);
await builder.build();
process.exitCode = errors > 0 ? 1 : 0;
`,
    );
  },
  command: (dir) => ['node', path.join(dir, 'content-collections-build.mjs')],
  note: 'build fails on a validation event (the library drops the document and carries on)',
};

const velite: Library = {
  name: 'velite',
  packages: ['velite'],
  engines: ['@mdx-js/mdx', 'esbuild', 'terser', 'sharp'],
  outputDir: '.velite',
  writeConfig(dir, plugins) {
    writeFileSync(
      path.join(dir, 'velite.config.mjs'),
      `import { defineConfig, s } from 'velite';
${plugins}

const date = s.isodate();

export default defineConfig({
  root: 'content',
  output: { data: '.velite', assets: '.velite/static' },
  // Velite adds remark-gfm, comment removal, linked-file copying and a terser pass by default;
  // ours brings its own GFM and the others are work bench/mdx-compile.ts does not do.
  mdx: {
    gfm: false,
    removeComments: false,
    copyLinkedFiles: false,
    minify: process.env.VELITE_MINIFY === '1',
    remarkPlugins,
    rehypePlugins,
  },
  collections: {
    articles: {
      name: 'Article',
      pattern: 'articles/**/*.mdx',
      schema: s
        .object({
          title: s.string(),
          dek: s.string(),
          date,
          updated: date.optional(),
          section: s.string(),
          author: s.union([s.string(), s.array(s.string()).min(1)]),
          tags: s.array(s.string()).default([]),
          image: s
            .object({
              src: s.string(),
              alt: s.string(),
              caption: s.string().optional(),
              credit: s.string().optional(),
            })
            .strict()
            .optional(),
          draft: s.boolean().default(false),
          related: s.array(s.string()).optional(),
          corrections: s.array(s.object({ date, text: s.string() }).strict()).optional(),
          id: s.path(),
          content: s.raw(),
          mdx: s.mdx(),
        })
        .strict(),
    },
    authors: {
      name: 'Author',
      pattern: 'authors/*.mdx',
      schema: s
        .object({
          name: s.string(),
          role: s.string().optional(),
          avatar: s.string().optional(),
          id: s.path(),
          content: s.raw(),
          mdx: s.mdx(),
        })
        .strict(),
    },
    sections: {
      name: 'Section',
      pattern: 'sections/*.yaml',
      schema: s
        .object({
          name: s.string(),
          description: s.string(),
          order: s.number().default(100),
          id: s.path(),
        })
        .strict(),
    },
  },
});
`,
    );
  },
  command: (dir) => [
    'node',
    path.join(libsDir, 'node_modules', 'velite', 'bin', 'velite.js'),
    'build',
    // A document that does not match its schema must stop the build, as it does with
    // contentlayer2. The CLI's --strict defaults to false and overrides `strict` in the config.
    '--strict',
    '--config',
    path.join(dir, 'velite.config.mjs'),
  ],
  note: process.env.VELITE_MINIFY === '1' ? 'terser minify on (its default)' : 'terser minify off',
};

const LIBRARIES = [contentCollections, velite];

/**
 * The corpus, with the installed libraries on its module path: both bundle their config next to
 * it and import the bundle from there, and the bundle's `zod` and plugin packages then resolve
 * from the project's node_modules further up.
 */
function writeCorpus(dir: string, n: number): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeBuildCorpus(path.join(dir, 'content'), path.join(repo, 'public'), n);
  symlinkSync(path.join(libsDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
}

/** What else the machine did during a run: other processes' CPU, and CPU the hypervisor took. */
function others({ cpuS, machine }: Run): string {
  const rest = Math.max(0, machine.busyS - cpuS).toFixed(0);
  return `others ${rest} s, stolen ${machine.stolenS.toFixed(0)} s`;
}

async function benchLibrary(library: Library, dir: string, n: number, plugins: string) {
  const edited = path.join(dir, 'content', 'articles', 'article-0.mdx');
  const original = readFileSync(edited, 'utf8');
  rmSync(path.join(dir, library.outputDir.split('/')[0]!), { recursive: true, force: true });
  library.writeConfig(dir, plugins);
  const output = path.join(dir, library.outputDir);
  const cold = await run(dir, library.command(dir), COLD_LIMIT_S);
  const result = {
    library: library.name,
    version: library.packages.map((p) => `${p}@${installedVersion(p)}`).join(' '),
    engines: library.engines.map((e) => `${e}@${installedVersion(e) ?? '–'}`).join(' '),
    note: library.note,
    n,
    date: new Date().toISOString(),
    coldLoad: cold.load,
    coldWallS: +cold.wallS.toFixed(1),
    coldPeakMiB: cold.peakMiB,
    coldCpuS: +cold.cpuS.toFixed(1),
    coldOthers: others(cold),
    coldStopped: cold.stopped,
    warmLoad: '–',
    warmWallS: undefined as number | undefined,
    warmPeakMiB: undefined as number | undefined,
    warmCpuS: undefined as number | undefined,
    warmOthers: '–',
    outputMiB: duMiB(output),
    cacheMiB: library.cacheDir ? duMiB(path.join(dir, library.cacheDir)) : 0,
    // One GFM table per article, wrapped by rehypeTableRegions: proof our plugins ran on each.
    tablesWrapped: cold.stopped ? 0 : occurrences(output, 'table-region'),
    editSeen: false,
  };
  if (!cold.stopped) {
    writeFileSync(edited, `${original}${EDIT}`);
    const warm = await run(dir, library.command(dir));
    Object.assign(result, {
      warmLoad: warm.load,
      warmWallS: +warm.wallS.toFixed(1),
      warmPeakMiB: warm.peakMiB,
      warmCpuS: +warm.cpuS.toFixed(1),
      warmOthers: others(warm),
      editSeen: occurrences(output, EDIT.trim()) > 0,
    });
    writeFileSync(edited, original);
  }
  appendFileSync(
    path.join(scratchRoot, 'content-libraries-results.jsonl'),
    `${JSON.stringify(result)}\n`,
  );
  return result;
}

/** Twenty good articles and one with a date that is no date and a field no schema has. */
async function badFrontmatter(libraries: Library[], plugins: string) {
  const dir = path.join(scratchRoot, 'libs-bad');
  writeCorpus(dir, 20);
  const bad = path.join(dir, 'content', 'articles', 'article-7.mdx');
  writeFileSync(
    bad,
    readFileSync(bad, 'utf8').replace(/^date: .*$/m, 'date: 2026-13-45\ncolour: red'),
  );
  for (const library of libraries) {
    library.writeConfig(dir, plugins);
    const result = await run(dir, library.command(dir)).catch((error: Error) => error.message);
    console.log(`\n## ${library.name}\n\n${typeof result === 'string' ? result : result.output}`);
  }
  rmSync(dir, { recursive: true, force: true });
}

const args = process.argv.slice(2);
const only = args.includes('--lib') ? args[args.indexOf('--lib') + 1] : undefined;
const libraries = LIBRARIES.filter((l) => only === undefined || l.name === only);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 1000);
if (libraries.length === 0 || !Number.isInteger(n) || n < 1) {
  console.error(
    'usage: npx tsx bench/content-libraries.ts N [--lib content-collections|velite] | --bad-frontmatter',
  );
  process.exit(2);
}

installLibraries();
console.log(
  `Node ${process.version}; ${Object.keys(PINNED)
    .map((p) => `${p}@${installedVersion(p)}`)
    .join(', ')}`,
);
const plugins = await pluginImport();
if (args.includes('--bad-frontmatter')) {
  await badFrontmatter(libraries, plugins);
} else {
  const dir = path.join(scratchRoot, `libs-${n}`);
  writeCorpus(dir, n);
  const rows: Awaited<ReturnType<typeof benchLibrary>>[] = [];
  for (const library of libraries) rows.push(await benchLibrary(library, dir, n, plugins));
  console.log(
    '\n| library | version | N | cold wall s | cold peak MiB | warm (one edit) wall s | warm peak MiB | cached between runs? | output MiB | load cold / warm | notes |',
  );
  console.log('|---|---|---:|---:|---:|---:|---:|---|---:|---|---|');
  for (const r of rows) {
    const notes = [
      r.coldStopped ? `cold run stopped at ${COLD_LIMIT_S / 60} min` : '',
      `cold CPU ${r.coldCpuS} s (${(r.coldCpuS / r.coldWallS).toFixed(2)} cores), warm CPU ${r.warmCpuS ?? '–'} s`,
      `CPU elsewhere: cold ${r.coldOthers}; warm ${r.warmOthers}`,
      `${r.tablesWrapped}/${n} tables wrapped`,
      r.coldStopped ? '' : r.editSeen ? 'edit in output' : 'EDIT MISSING from output',
      r.note,
      r.engines,
    ].filter(Boolean);
    console.log(
      `| ${r.library} | ${r.version} | ${r.n} | ${r.coldStopped ? `> ${COLD_LIMIT_S}` : r.coldWallS} | ${r.coldPeakMiB} | ${r.warmWallS ?? '–'} | ${r.warmPeakMiB ?? '–'} | ${r.cacheMiB > 0 ? `yes (${r.cacheMiB} MiB)` : 'no'} | ${r.outputMiB} | ${r.coldLoad} / ${r.warmLoad} | ${notes.join('; ')} |`,
    );
  }
  if (!process.env.KEEP_SCRATCH) rmSync(dir, { recursive: true, force: true });
}
