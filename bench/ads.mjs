// Page weight and Lighthouse with house ads on, beside the same figures with ads off.
//   node bench/ads.mjs [--lighthouse]
// On a copy of this checkout's build (test/support/build-copy.mjs; build it as command B does:
// MASTHEAD_PAGE_SIZE=2, MASTHEAD_PRERENDER_ARTICLES=6), publishes docs/examples/ads-house.yaml
// as content/ads.yaml with `npm run publish`, as an operator would (house advertising is
// content: no rebuild), then runs bench/weight.mjs against it and, with --lighthouse,
// bench/lighthouse.mjs on the article, front and section pages. The same two commands on this
// checkout's own build (no ads.yaml) give the figures with ads off.
import { spawnSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { copyBuild, root } from '../test/support/build-copy.mjs';
import { freePort } from '../test/support/ports.mjs';
import { startNext } from '../test/support/server.mjs';

const PUBLISH_SECRET = 'ads-bench-publish-secret';
const env = {
  ...process.env,
  MASTHEAD_PAGE_SIZE: '2',
  MASTHEAD_PRERENDER_ARTICLES: '6',
  NEXT_TELEMETRY_DISABLED: '1',
};

const copy = copyBuild('ads-bench');
try {
  copyFileSync(
    path.join(root, 'docs', 'examples', 'ads-house.yaml'),
    path.join(copy.dir, 'content', 'ads.yaml'),
  );
  const server = await startNext({
    port: await freePort(),
    cwd: copy.dir,
    env: { MASTHEAD_PAGE_SIZE: '2', MASTHEAD_PRERENDER_ARTICLES: '6', PUBLISH_SECRET },
  });
  try {
    const published = spawnSync(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      ['scripts/publish.ts', '--server', server.base],
      { cwd: copy.dir, env: { ...env, PUBLISH_SECRET }, stdio: 'inherit' },
    );
    if (published.status !== 0) throw new Error('npm run publish did not put ads.yaml live');
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
    // Its own server on the copy, which serves the published version (lib/publish/sync.ts).
    console.log('## Lighthouse, house ads on');
    spawnSync(process.execPath, [path.join(root, 'bench', 'lighthouse.mjs'), '--dir', copy.dir], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
  }
} finally {
  copy.remove();
}
