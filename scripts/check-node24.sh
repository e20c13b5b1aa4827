#!/usr/bin/env bash
# Masthead under Node 24 LTS: install, unit tests, production build, and the main pages served.
#   bash scripts/check-node24.sh [--report DIR]
# Runs on a scratch copy (bench/.scratch/node24) so this checkout's Node 20 node_modules/ and
# .next/ are never touched. Ends with "node24: N passed, N failed" (every unit test counts; install,
# build and each page count one); --report also writes DIR/node24.json for tally-results.mjs.
# Exit 0 only when nothing failed.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$ROOT/bench/.scratch/node24
OUT=$WORK/.node24 # logs and reports of this run; the copy is wiped at the start of the next
# Outside the scratch copy, so a second run (or a CI job caching ~/.cache) skips the download.
CACHE=${NODE24_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/masthead/node24}
REPORT=
if [ "${1:-}" = --report ]; then mkdir -p "$2" && REPORT=$(cd "$2" && pwd); fi

passed=0 failed=0 server='' started=$SECONDS
step() { printf '\n\033[1m== node24: %s\033[0m\n' "$*"; }
ok() { echo "ok   $*"; passed=$((passed + 1)); }
bad() { echo "FAIL $*"; failed=$((failed + 1)); }

finish() {
  # The server runs in a session of its own (setsid), so one signal reaches next and its workers.
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    kill -TERM -- "-$server" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$server" 2>/dev/null
  fi
  [ -n "$REPORT" ] && printf '{"passed":%d,"failed":%d}\n' "$passed" "$failed" >"$REPORT/node24.json"
  echo "($((SECONDS - started)) s)"
  echo "node24: $passed passed, $failed failed"
}
trap finish EXIT
trap 'bad "interrupted"; exit 130' INT TERM

step "Node 24 from the npm registry (cached in $CACHE)"
NODE24=$CACHE/node_modules/node/bin/node
if ! "$NODE24" -v 2>/dev/null | grep -q '^v24\.'; then
  rm -rf "$CACHE" && mkdir -p "$CACHE"
  # The `node` package fetches its binary (node-<os>-<arch>) in a preinstall script; npm 11 warns
  # of, and will later skip, a dependency's install scripts unless allowScripts names it.
  echo '{ "private": true, "allowScripts": { "node": true } }' >"$CACHE/package.json"
  npm install --no-save --no-audit --no-fund --prefix "$CACHE" "node@${NODE24_VERSION:-24}" ||
    { bad "install (could not download Node 24)"; exit 1; }
fi
export PATH=$(dirname "$NODE24"):$PATH # npm and npx are `#!/usr/bin/env node`: they run on 24 too
# The binary's package ships Node's headers; without nodedir node-gyp would take ~/.npmrc's
# (nodedir=/usr: Node 20's) or try to download them, and better-sqlite3 must compile from source.
gypi=$(find "$CACHE/node_modules/node/node_modules" -path '*/include/node/common.gypi' | head -n 1)
export npm_config_nodedir=${gypi%/include/node/common.gypi}
echo "node $(node -v) ($(command -v node)), npm $(npm -v), headers in $npm_config_nodedir"
[ "$(node -p 'process.versions.node.split(".")[0]')" = 24 ] && [ -n "$gypi" ] ||
  { bad "install (no Node 24 binary or headers)"; exit 1; }

step "scratch copy of the working tree in $WORK"
rm -rf "$WORK" && mkdir -p "$OUT"
# What git tracks or would add, as it is on disk now (uncommitted edits included); everything
# ignored (node_modules, .next, .masthead, data, reports, bench/.scratch…) stays behind.
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' f; do [ -e "$f" ] || [ -L "$f" ] && printf '%s\0' "$f"; done |
  tar --null -T - -cf -) | tar -xf - -C "$WORK" || { bad "install (could not copy)"; exit 1; }
cd "$WORK" || exit 1
echo "$(find . -type f -not -path './.node24/*' | wc -l) files"

step "npm ci"
# No GitHub here, so prebuild-install's download can only fail: go straight to node-gyp.
npm_config_build_from_source=better-sqlite3 npm ci --no-audit --no-fund 2>&1 | tee "$OUT/npm-ci.log"
ci=${PIPESTATUS[0]}
echo "npm ci exit $ci; $(grep -c EBADENGINE "$OUT/npm-ci.log") EBADENGINE, $(grep -ci '^npm warn' "$OUT/npm-ci.log") warnings"
sqlite=$(node -e "const db = require('better-sqlite3')(':memory:');
  console.log('better-sqlite3', db.prepare('select sqlite_version() v').get().v, 'ABI', process.versions.modules)")
# Proof it was compiled here, against 24's headers: node-gyp records the nodedir it used.
if [ "$ci" = 0 ] && [ -n "$sqlite" ] &&
  grep -q "\"nodedir\": \"$npm_config_nodedir\"" node_modules/better-sqlite3/build/config.gypi; then
  ok "install (npm ci; $sqlite, compiled by node-gyp against $(node -v)'s headers)"
else
  bad "install (npm ci exit $ci, better-sqlite3: ${sqlite:-does not load})"; exit 1
fi

step "unit tests (vitest)"
[ -n "${TEST_DATABASE_URL:-}" ] && echo "store tests on SQLite and PostgreSQL ($TEST_DATABASE_URL)" ||
  echo "notice: TEST_DATABASE_URL unset; store tests run on SQLite only"
npx vitest run --reporter=default --reporter=json --outputFile.json="$OUT/unit.json"
# Counted as tally-results.mjs does: a file that fails to load counts as one failure.
if counts=$(node -e "const u = require('$OUT/unit.json');
  const broken = u.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.length);
  for (const f of u.testResults) for (const t of f.assertionResults)
    if (t.status === 'failed') console.error('FAIL unit', f.name.slice(process.cwd().length + 1), '>', t.fullName);
  for (const f of broken) console.error('FAIL unit', f.name, f.message.split('\n')[0]);
  console.log(u.numPassedTests, u.numFailedTests + broken.length)"); then
  read -r p f <<<"$counts"
  passed=$((passed + p)) failed=$((failed + f))
  echo "unit: $p passed, $f failed"
else
  bad "unit (no report: vitest did not run)"
fi

step "production build (content + next build)"
# As scripts/test-all.sh builds: listings of two, only the newest six articles prerendered.
export MASTHEAD_PAGE_SIZE=${MASTHEAD_PAGE_SIZE:-2} MASTHEAD_PRERENDER_ARTICLES=${MASTHEAD_PRERENDER_ARTICLES:-6}
npm run build || { bad "build (npm run build)"; exit 1; }
ok "build (npm run build)"

step "production server"
PORT=$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1',
  () => { console.log(s.address().port); s.close(); })")
export NODE_ENV=production
if [ -f .next/standalone/server.js ]; then
  # As Next's docs run the standalone output; .masthead too, as this app reads content from its cwd.
  cp -r public .next/standalone/ && cp -r .next/static .next/standalone/.next/
  cp -r .masthead .next/standalone/
  (cd .next/standalone && PORT=$PORT HOSTNAME=127.0.0.1 exec setsid node server.js) >"$OUT/server.log" 2>&1 &
else
  setsid npx next start -H 127.0.0.1 -p "$PORT" >"$OUT/server.log" 2>&1 &
fi
server=$!
BASE=http://127.0.0.1:$PORT
for _ in $(seq 300); do
  curl -fsS -o /dev/null "$BASE/robots.txt" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || break
  sleep 0.2
done
curl -fsS -o /dev/null "$BASE/robots.txt" || { cat "$OUT/server.log"; bad "serve (no answer on $BASE)"; exit 1; }
echo "$(node -v) serving $BASE (log: $OUT/server.log)"

step "smoke pages, picked from the built content index"
# Each page must answer 200, of the right type, naming the story (or person) it is expected to.
node --input-type=module - "$BASE" <<'JS' | tee "$OUT/smoke.txt"
import { readFileSync } from 'node:fs';
const base = process.argv[2];
const index = JSON.parse(readFileSync('.masthead/content/current/index.json', 'utf8'));
const live = index.articles
  .filter((a) => !a.draft && Date.parse(a.date) <= Date.now())
  .sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
const [newest, oldest] = [live[0], live.at(-1)];
const author = index.authors.find((p) => p.id === newest.authorIds[0]);
const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s) =>
  s.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (m, e) =>
    e[0] === '#' ? String.fromCodePoint(Number(e.slice(1).replace(/^x/i, '0x'))) : (entities[e] ?? m));
const pages = [
  ['/', 'html', newest.title],
  [`/${newest.section}`, 'html', newest.title],
  [newest.url, 'html', newest.title],
  // Older than MASTHEAD_PRERENDER_ARTICLES allows: rendered on its first request, on Node 24.
  [oldest.url, 'html', oldest.title],
  [`/tags/${newest.tags[0]}`, 'html', newest.title],
  [`/authors/${author.id}`, 'html', author.name],
  [`/search?q=${encodeURIComponent(newest.title)}`, 'html', newest.title],
  ['/feed.xml', 'xml', newest.title],
  ['/sitemap.xml', 'xml', newest.url],
  ['/api/health', 'json', '', 'optional'],
];
for (const [url, type, expected, optional] of pages) {
  try {
    const res = await fetch(base + url, { signal: AbortSignal.timeout(60_000) });
    const body = decode(await res.text());
    const got = `${res.status} ${res.headers.get('content-type')}`;
    if (optional && res.status === 404) console.log(`skip ${url} (404: there is none)`);
    else if (res.status !== 200 || !got.includes(type)) console.log(`FAIL ${url}: ${got}`);
    else if (!body.includes(expected)) console.log(`FAIL ${url}: ${got} without "${expected}"`);
    else console.log(`ok   ${url} (${got}, has "${expected || 'a body'}")`);
  } catch (error) {
    console.log(`FAIL ${url}: ${error.message}`);
  }
}
JS
p=$(grep -c '^ok' "$OUT/smoke.txt") f=$(grep -c '^FAIL' "$OUT/smoke.txt")
passed=$((passed + p)) failed=$((failed + f))
[ "$p" -gt 0 ] || bad "smoke pages (none answered)"
grep -iE 'error|warn' "$OUT/server.log" | head -n 20

exit $((failed > 0))
