// The content build. `npm run content` compiles what changed in content/, checks every file
// and writes a new content version; exit 1, writing nothing, when any file has an error.
//   --check   check only (npm run check:content)
//   --full    compile nothing from the last version: rank and index everything again
//   --watch   build, then build again on every change, keeping the last good version live
import path from 'node:path';
import { parseArgs } from 'node:util';
import { watch } from 'chokidar';
import { formatFinding } from '../lib/content/build/findings';
import { buildContent, type BuildResult } from '../lib/content/build/pipeline';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    watch: { type: 'boolean', default: false },
  },
});
const root = process.cwd();
const options = {
  root,
  contentDir: path.join(root, 'content'),
  publicDir: path.join(root, 'public'),
  check: values.check,
  full: values.full,
};

function report(result: BuildResult): void {
  const errors = result.findings.filter((f) => f.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  if (errors.length > 0) {
    console.error(`\n${errors.length} problem(s) to fix:\n${errors.map(formatFinding).join('\n')}`);
  }
  if (warnings.length > 0) {
    console.warn(`\n${warnings.length} warning(s):\n${warnings.map(formatFinding).join('\n')}`);
  }
  const { articles, compiled, threads, incremental } = result.counts;
  const took = Object.entries(result.timings)
    .map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
  if (!result.ok) console.error('\ncontent: nothing was written; fix the problems above.');
  else if (result.version) {
    console.log(
      `content: version ${result.version.id}, ${articles} articles, ${compiled} compiled` +
        `${threads ? ` on ${threads} threads` : ''}, ${incremental ? 'from the last version' : 'everything ranked and indexed'} (${took})`,
    );
  } else console.log(`content check: no problems in ${articles} articles (${took})`);
}

const first = await buildContent(options);
report(first);
if (!values.watch) process.exit(first.ok ? 0 : 1);

// Watch mode: an editor saves, the next build starts 150 ms later (editors save in bursts), and
// a build that fails keeps the last good version live while the report says what to fix.
let timer: NodeJS.Timeout | undefined;
let running: Promise<void> | undefined;
let again = false;
const rebuild = () => {
  if (running) {
    again = true;
    return;
  }
  running = buildContent({ ...options, full: false })
    .then(report, (error: unknown) => console.error('content: the build failed:', error))
    .finally(() => {
      running = undefined;
      if (again) {
        again = false;
        rebuild();
      }
    });
};
// chokidar, not fs.watch: editors' tools save by writing a new file over the old one, and
// Node's own recursive watcher on Linux loses track of a file replaced that way. Links are not
// followed: a folder linking to itself would walk for ever, and the build refuses links anyway.
watch(options.contentDir, { ignoreInitial: true, followSymlinks: false })
  .on('all', () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, 150);
  })
  // Said once chokidar has looked at every folder: a save before that would go unseen, and the
  // watch test (and an editor) takes this line to mean saving now is seen.
  .on('ready', () => console.log('content: watching content/ for changes'));
