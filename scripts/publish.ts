// npm run publish — puts what changed in content/ live on the running site, without a rebuild.
// Compiles and checks the changes (a bad file publishes nothing and prints the usual report),
// writes a new content version, and asks the server to take it up: exit 0 only once the server
// answers that the version is live.
//   --server <url>   the server (default SITE_URL, else http://localhost:3000)
//   --commit <sha>   publish that commit of the content repository instead of the working tree
//                    (what the push webhook runs); PUBLISH_REMOTE names the repository. Refused
//                    (exit 3, saying why) unless it moves the site forward and content/ holds
//                    only files (docs/decisions/018)
//   --no-notify      write the version only (the server's watcher takes it up within a second)
import { setPriority } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatFinding } from '../lib/content/build/findings';
import { buildContent } from '../lib/content/build/pipeline';
import { withContentLock } from '../lib/content/build/lock';
import { currentSearchIndex } from '../lib/content/search/current-index';
import { addFullSearch, collectGarbage, searchChain } from '../lib/content/store/write';
import { redactCredentials } from '../lib/publish/git-remote';
import { checkoutCommit, headCommit, PublishRefused } from './lib/content-commit';
import { notifyServer } from './lib/notify-server';

/** Publishes since the last full search index after which one is written again. */
const COMPACT_AFTER = 30;

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    commit: { type: 'string' },
    'no-notify': { type: 'boolean', default: false },
  },
});
const started = performance.now();
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const root = process.cwd();

let contentDir = path.join(root, 'content');
let commit = headCommit(root);
if (values.commit) {
  if (!/^[0-9a-f]{40}$/.test(values.commit)) {
    console.error('publish: --commit takes a full commit id (40 hexadecimal characters)');
    process.exit(2);
  }
  try {
    contentDir = checkoutCommit(root, values.commit);
  } catch (error) {
    // In the server's log (the webhook's publish runs here): why nothing was published.
    if (error instanceof PublishRefused) {
      console.error(`publish: ${error.message}`);
      process.exit(3);
    }
    const why = error instanceof Error ? error.message : String(error);
    console.error(
      `publish: commit ${values.commit} could not be fetched: ${redactCredentials(why)}`,
    );
    process.exit(1);
  }
  commit = values.commit;
}

const result = await buildContent({
  root,
  contentDir,
  publicDir: path.join(root, 'public'),
  collectGarbage: false,
  ...(commit ? { commit } : {}),
});
const errors = result.findings.filter((f) => f.severity === 'error');
if (!result.ok || !result.version) {
  console.error(`\n${errors.length} problem(s) to fix:\n${errors.map(formatFinding).join('\n')}`);
  console.error('\npublish: nothing was published; fix the problems above and publish again.');
  process.exit(1);
}
const { id, changed } = result.version;
console.log(
  `publish: version ${id} written in ${seconds()}: ${changed.added.length} new, ${changed.edited.length} edited, ${changed.removed.length} removed`,
);

if (!values['no-notify']) {
  const server = values.server ?? process.env.SITE_URL ?? 'http://localhost:3000';
  const secret = process.env.PUBLISH_SECRET ?? '';
  const outcome = await notifyServer(server, id, secret);
  if (!outcome.ok) {
    console.error(`publish: ${outcome.why}`);
    console.error(
      'publish: the version is written; a server on this disk takes it up by itself within a second.',
    );
    process.exit(1);
  }
  console.log(
    `publish: live on ${server} after ${seconds()} (${outcome.revalidated < 0 ? 'every page' : `${outcome.revalidated} paths`} revalidated in ${outcome.tookMs} ms)`,
  );
}
// Once readers have the new version: after many publishes, a full search index again (so a
// server starting cold replays a short chain), then old versions and unused bodies go. At the
// lowest priority: on a machine the servers share, the pages the publish changed are being
// rendered now, and readers come first (at 10,000 articles this takes seconds).
try {
  setPriority(19);
} catch {
  // Not allowed here: it runs at normal priority.
}
await withContentLock(root, async () => {
  if (searchChain(root, id).size > COMPACT_AFTER) {
    const index = currentSearchIndex(root);
    if (index) addFullSearch(root, id, JSON.stringify(index));
  }
  collectGarbage(root);
});
