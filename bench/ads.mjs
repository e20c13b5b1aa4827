// Page weight and Lighthouse with house ads on, beside the same figures with ads off.
//   node bench/ads.mjs [--lighthouse]
// Builds a scratch copy of this checkout with docs/examples/ads-house.yaml as its
// content/ads.yaml (as command B's weight check builds: MASTHEAD_PAGE_SIZE=2,
// MASTHEAD_PRERENDER_ARTICLES=6), then runs bench/weight.mjs against it and, with --lighthouse,
// bench/lighthouse.mjs on the article, front and section pages. The same two commands on this
// checkout's own build (no ads.yaml) give the figures with ads off.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { copyCheckoutFiles } from '../test/support/checkout-files.mjs';
import { startNext } from '../test/support/server.mjs';

const root = path.resolve(import.meta.dirname, '..');
const scratch = path.join(root, 'bench', '.scratch', 'ads-bench');
const env = {
  ...process.env,
  PATH: `${path.join(root, 'node_modules', '.bin')}:${process.env.PATH}`,
  MASTHEAD_PAGE_SIZE: '2',
  MASTHEAD_PRERENDER_ARTICLES: '6',
  NEXT_TELEMETRY_DISABLED: '1',
};

rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
copyCheckoutFiles(root, scratch, (file) => file !== 'content/ads.yaml');
copyFileSync(
  path.join(root, 'docs', 'examples', 'ads-house.yaml'),
  path.join(scratch, 'content', 'ads.yaml'),
);
execFileSync('sh', ['-c', 'tsx scripts/content.ts && next build'], {
  cwd: scratch,
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});

const server = await startNext({
  port: 3530,
  cwd: scratch,
  env: { MASTHEAD_PAGE_SIZE: '2', MASTHEAD_PRERENDER_ARTICLES: '6' },
});
try {
  console.log('## page weight, house ads on');
  spawnSync(process.execPath, [path.join(root, 'bench', 'weight.mjs')], {
    cwd: root,
    env: { ...env, BASE_URL: server.base },
    stdio: 'inherit',
  });
} finally {
  await server.stop();
}
if (process.argv.includes('--lighthouse')) {
  console.log('## Lighthouse, house ads on');
  spawnSync(process.execPath, [path.join(root, 'bench', 'lighthouse.mjs'), '--dir', scratch], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
}
