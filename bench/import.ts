/**
 * Issue 19, "Speed and scale": a generated newsroom export (bench/wxr-newsroom.ts: 10,000
 * posts, 100,000 threaded comments, pictures, tables, shortcodes, blocks) with a copy of its
 * wp-content/uploads, imported by `npm run import:wordpress` into a scratch copy of this
 * checkout's last commit, timed (wall, CPU, peak RSS), then imported again (nothing should change). Beside it,
 * on the same export, the most used WordPress-to-Markdown exporter on npm,
 * wordpress-export-to-markdown (bench/package.json), and what each kept and lost.
 *
 *   npx tsx bench/import.ts [--posts 10000] [--comments-per-post 10] [--pages 50]
 *                           [--only ours|theirs] [--as-shipped]
 *
 * Without a committed scripts/import-wordpress.ts and npm script, the Masthead half says so and the
 * rest runs. `--as-shipped` also times the exporter with its own pauses (25 ms between files).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import sharp from 'sharp';
import { censusOf, filesUnder, markersOfFiles, type Census, type Markers } from './import-census';
import { timedRun, type TimedRun } from './timed-run';
import { benchTools } from './tools.mjs';
import { type NewsroomShape, pictureFiles, writeNewsroomExport } from './wxr-newsroom';

const repo = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '10000' },
    'comments-per-post': { type: 'string', default: '10' },
    pages: { type: 'string', default: '50' },
    only: { type: 'string' },
    'as-shipped': { type: 'boolean', default: false },
  },
});
const shape: NewsroomShape = {
  posts: Number(values.posts),
  commentsPerPost: Number(values['comments-per-post']),
  pages: Number(values.pages),
};
const work = path.join(repo, 'bench', '.scratch', `import-${shape.posts}-${shape.commentsPerPost}`);
const exportFile = path.join(work, 'export.xml');
const uploads = path.join(work, 'uploads');

/** A real JPEG per picture, each with its own bytes (a JPEG comment names it), 800×533. */
async function writeUploads(): Promise<void> {
  const done = path.join(uploads, '.complete');
  if (existsSync(done)) return;
  const base = await sharp({
    create: {
      width: 800,
      height: 533,
      channels: 3,
      background: { r: 90, g: 120, b: 150 },
      noise: { type: 'gaussian', mean: 128, sigma: 20 },
    },
  })
    .jpeg({ quality: 70 })
    .toBuffer();
  for (let n = 1; n <= shape.posts; n += 1) {
    for (const file of pictureFiles(n)) {
      const note = Buffer.from(file);
      const segment = Buffer.from([0xff, 0xfe, (note.length + 2) >> 8, (note.length + 2) & 0xff]);
      mkdirSync(path.dirname(path.join(uploads, file)), { recursive: true });
      writeFileSync(
        path.join(uploads, file),
        Buffer.concat([base.subarray(0, 2), segment, note, base.subarray(2)]),
      );
    }
  }
  writeFileSync(done, '');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const line = (run: TimedRun) =>
  `${seconds(run.wallMs)} wall, ${seconds(run.cpuMs)} CPU, peak ${run.peakMiB} MiB (largest process), ${run.treePeakMiB} MiB (whole tree)`;

function printMarkers(label: string, m: Markers): void {
  console.log(
    `  ${label}: tables ${m.markdownTables} Markdown + ${m.htmlTables} HTML (${m.headerlessTables} without header), ` +
      `captions ${m.captions} (${m.markedCaptions} marked as captions), shortcodes left ${JSON.stringify(m.shortcodes)}, ` +
      `<script> ${m.scripts}, <iframe> ${m.iframes}, comment texts ${m.commentTexts}`,
  );
}

function printCensus(c: Census): void {
  console.log(
    `Export: ${(c.bytes / 1024 / 1024).toFixed(0)} MiB, posts ${JSON.stringify(c.posts)}`,
  );
  console.log(
    `  ${c.passwordProtected} password-protected, ${c.sticky} sticky, ${c.pages} pages (${c.nestedPages} nested), ` +
      `${c.attachments} attachments, ${c.authors} authors, ${c.categories} categories, ${c.tags} tags`,
  );
  console.log(
    `  comments ${JSON.stringify(c.comments)}, ${c.replies} replies, ${c.pingbacks} pingbacks`,
  );
  printMarkers('bodies (trash left out)', c.bodies);
}

/** wordpress-export-to-markdown, run as its README says, pictures left on the old site. */
async function theirs(census: Census, asShipped: boolean): Promise<void> {
  benchTools();
  const tool = path.join(repo, 'bench', 'node_modules', 'wordpress-export-to-markdown');
  const version = (
    JSON.parse(readFileSync(path.join(tool, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const out = path.join(work, asShipped ? 'theirs-as-shipped' : 'theirs');
  rmSync(out, { recursive: true, force: true });
  // Its settings.js pauses 25 ms between files and 500 ms between pictures (to spare the old
  // server); without --as-shipped the file pause is set to 0 so its own work is what is timed.
  const preload = path.join(work, 'no-pauses.cjs');
  writeFileSync(
    preload,
    `require(${JSON.stringify(path.join(tool, 'src', 'settings.js'))}).markdown_file_write_delay = 0;\n`,
  );
  const args = [
    ...(asShipped ? [] : ['--require', preload]),
    path.join(tool, 'index.js'),
    '--wizard',
    'false',
    '--input',
    exportFile,
    '--output',
    out,
    '--post-folders',
    'false',
    '--include-other-types',
    'true',
    '--save-attached-images',
    'false',
    '--save-scraped-images',
    'false',
  ];
  console.log(
    `\nwordpress-export-to-markdown ${version}${asShipped ? ' (as shipped: 25 ms between files)' : ' (no pauses)'}`,
  );
  const run = await timedRun(process.execPath, args, { cwd: work });
  console.log(`  exit ${run.status}: ${line(run)}`);
  if (run.status !== 0 || /went wrong/.test(run.tail)) console.log(run.tail);
  const files = filesUnder(out);
  const markdown = files.filter((file) => file.endsWith('.md'));
  const posts = markdown.filter((file) => file.startsWith('post/'));
  const slugs = posts.map((file) => path.basename(file, '.md'));
  const published = (status: string) =>
    slugs.filter((slug) => census.statusBySlug.get(slug) === status).length;
  console.log(
    `  wrote ${posts.length} posts, ${markdown.length - posts.length} other Markdown files, ${files.length - markdown.length} other files (redirects: none)`,
  );
  console.log(
    `  written as ordinary posts: ${published('pending')} pending, ${published('private')} private, ${published('future')} scheduled, ` +
      `${slugs.filter((slug) => census.passwordSlugs.has(slug)).length} password-protected; drafts ${published('draft')}, trash ${published('trash')}`,
  );
  const sample = posts[0] ? readFileSync(path.join(out, posts[0]), 'utf8') : '';
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(sample)?.[1] ?? '';
  console.log(
    `  front matter: ${[...frontMatter.matchAll(/^(\w+):/gm)].map((m) => m[1]).join(', ')}`,
  );
  printMarkers('its files', markersOfFiles(out, markdown));
}

/** A digest of every file under these folders, to tell whether a second import changed any. */
function digestOf(root: string, dirs: readonly string[]): Map<string, string> {
  const digests = new Map<string, string>();
  for (const dir of dirs) {
    for (const file of filesUnder(path.join(root, dir))) {
      const data = readFileSync(path.join(root, dir, file));
      digests.set(path.join(dir, file), createHash('sha256').update(data).digest('hex'));
    }
  }
  return digests;
}

async function ours(): Promise<void> {
  console.log('\nMasthead: npm run import:wordpress');
  const site = path.join(work, 'site');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  // The committed tree, not the working one: other work in progress stays out of the figures.
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: repo,
    encoding: 'utf8',
  }).trim();
  execFileSync('sh', ['-c', `git -C '${repo}' archive HEAD | tar -x -C '${site}'`]);
  console.log(`  at ${commit}, in ${path.relative(repo, site)}`);
  const packageJson = JSON.parse(readFileSync(path.join(site, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  if (
    !existsSync(path.join(site, 'scripts', 'import-wordpress.ts')) ||
    !packageJson.scripts['import:wordpress']
  ) {
    console.log(
      '  NOT RUN: scripts/import-wordpress.ts or the import:wordpress npm script is not committed yet.',
    );
    return;
  }
  // The site's own packages, found before bench/node_modules (the benchmarks' tools, with an
  // older zod among them) on the way up from bench/.scratch.
  symlinkSync(path.join(repo, 'node_modules'), path.join(site, 'node_modules'), 'dir');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    COMMENTS_DB: path.join(site, 'data', 'comments.sqlite'),
  };
  delete env.DATABASE_URL;
  const before = digestOf(site, ['content', 'public']);
  // The last run's 1.7 GB of pictures, just deleted, and the fresh copy of the tree are still
  // being written back to the disk: settled first, so the import is timed on its own writes.
  execFileSync('sync');
  const args = ['run', 'import:wordpress', '--', exportFile, '--uploads', uploads];
  const first = await timedRun('npm', args, { cwd: site, env });
  console.log(`  exit ${first.status}: ${line(first)}`);
  // Node's own code for a process whose event loop emptied while its top-level await waited.
  if (first.status === 13) console.log('  (exit 13: a promise that nothing settles, a deadlock)');
  console.log(first.tail.replace(/^/gm, '    '));
  const after = digestOf(site, ['content', 'public']);
  const written = [...after.keys()].filter((file) => after.get(file) !== before.get(file));
  const mdx = written.filter((file) => file.endsWith('.mdx'));
  console.log(
    `  wrote ${written.length} files: ${mdx.filter((f) => f.startsWith('content/articles/')).length} articles, ` +
      `${mdx.filter((f) => f.startsWith('content/pages/')).length} pages, ${mdx.filter((f) => f.startsWith('content/authors/')).length} authors, ` +
      `${written.filter((f) => f.startsWith('public/')).length} pictures`,
  );
  const drafts = mdx.filter((file) =>
    /^draft: true$/m.test(readFileSync(path.join(site, file), 'utf8')),
  ).length;
  const redirectsFile = path.join(site, 'content', 'redirects', 'wordpress.yaml');
  const redirects = existsSync(redirectsFile)
    ? (readFileSync(redirectsFile, 'utf8').match(/^\s*- from:/gm)?.length ?? 0)
    : 0;
  console.log(`  ${drafts} marked draft, ${redirects} redirects`);
  if (existsSync(env.COMMENTS_DB ?? '')) {
    const db = new SQLite(env.COMMENTS_DB ?? '', { readonly: true });
    const rows = db
      .prepare(
        'select status, count(*) as n, sum(parent_id is not null) as replies from comments group by status',
      )
      .all();
    console.log(`  comments in the store: ${JSON.stringify(rows)}`);
    db.close();
  }
  printMarkers('its files', markersOfFiles(site, mdx));
  if (first.status !== 0) return;
  const again = await timedRun('npm', args, { cwd: site, env });
  const third = digestOf(site, ['content', 'public']);
  const changed = [...third.keys()].filter((file) => third.get(file) !== after.get(file)).length;
  console.log(`  again: exit ${again.status}: ${line(again)}; ${changed} files changed`);
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  if (!existsSync(exportFile)) {
    await writeNewsroomExport(`${exportFile}.part`, shape);
    renameSync(`${exportFile}.part`, exportFile);
  }
  await writeUploads();
  const census = await censusOf(exportFile);
  printCensus(census);
  if (values.only !== 'ours') {
    await theirs(census, false);
    if (values['as-shipped']) await theirs(census, true);
  }
  if (values.only !== 'theirs') await ours();
}

await main();
