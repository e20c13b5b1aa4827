#!/usr/bin/env bash
# Masthead under Node 24 LTS, on a scratch copy (so this checkout's Node 20 node_modules/ and
# .next/ are never touched): install, unit tests, production build, the main pages served.
#   bash test/checks/node24.sh [--report DIR] [--wait-for FILE] [--prepare]
# --report: DIR/node24.json is for test/run/tally.mjs. --wait-for: wait until FILE exists before
# the install (command B starts this before its own `npm ci` has finished). --prepare: fetch Node 24 into the cache and compile better-sqlite3
# (the version package-lock.json names, from the registry) against its headers, then stop: it
# needs no node_modules, so command B runs it beside its own `npm ci`, whose wait on the network
# leaves the processors idle, and the install step below uses what it compiled.
# Ends with "node24: N passed, N failed": each unit test counts, and install, build and each page
# count one. Exit 0 only when nothing failed.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$ROOT/bench/.scratch/node24
OUT=$WORK/.node24 # this run's logs and reports, kept until the next run wipes the copy
# Outside the copy, so a second run (or a CI job caching ~/.cache) skips the download.
CACHE=${NODE24_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/masthead/node24}
REPORT='' WAIT_FOR='' DOWNLOAD_ONLY=0
ADDON=$ROOT/bench/.scratch/node24-addon # better-sqlite3 compiled by --prepare
while [ $# -gt 0 ]; do
  case $1 in
    --report) mkdir -p "$2" && REPORT=$(cd "$2" && pwd) && shift 2 ;;
    --wait-for) WAIT_FOR=$(realpath -m "$2") && shift 2 ;;
    --prepare) DOWNLOAD_ONLY=1 && shift ;;
    *) echo "unknown option $1" >&2 && exit 2 ;;
  esac
done

passed=0 failed=0 server='' started=$SECONDS
step() { printf '\n\033[1m== node24: %s\033[0m (at %d s)\n' "$*" $((SECONDS - started)); }
ok() { echo "ok   $*"; passed=$((passed + 1)); }
bad() { echo "FAIL $*"; failed=$((failed + 1)); }
finish() {
  # The server leads a session of its own (setsid): one signal reaches it and all its workers.
  if [ -n "$server" ] && kill -TERM -- "-$server" 2>/dev/null; then
    for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$server" 2>/dev/null
  fi
  [ "$DOWNLOAD_ONLY" = 1 ] && return
  [ -n "$REPORT" ] && printf '{"passed":%d,"failed":%d}\n' "$passed" "$failed" >"$REPORT/node24.json"
  echo "node24: $passed passed, $failed failed"
}
trap finish EXIT
trap 'bad "interrupted"; exit 130' INT TERM

step "Node 24 from the npm registry (cached in $CACHE)"
NODE24=$CACHE/node_modules/node/bin/node
if ! "$NODE24" -v 2>/dev/null | grep -q '^v24\.'; then
  rm -rf "$CACHE" && mkdir -p "$CACHE"
  # The `node` package fetches its binary (node-<os>-<arch>) in a preinstall script, which npm 11
  # warns of, and is to skip, unless allowScripts names it.
  echo '{ "private": true, "allowScripts": { "node": true } }' >"$CACHE/package.json"
  npm install --no-save --no-audit --no-fund --prefix "$CACHE" "node@${NODE24_VERSION:-24}" ||
    { bad "install (could not download Node 24)"; exit 1; }
fi
export PATH=$(dirname "$NODE24"):$PATH # npm and npx are `#!/usr/bin/env node`: they run on 24 too
# That package ships Node's headers. Without nodedir, node-gyp would use ~/.npmrc's (/usr: Node
# 20's) or download them; better-sqlite3 has no prebuilt binary here and compiles from source.
gypi=$(find "$CACHE/node_modules/node/node_modules" -path '*/include/node/common.gypi' | head -n 1)
export npm_config_nodedir=${gypi%/include/node/common.gypi}
echo "node $(node -v) ($(command -v node)), npm $(npm -v), headers in $npm_config_nodedir"
[ "$(node -p 'process.versions.node.split(".")[0]')" = 24 ] && [ -n "$gypi" ] ||
  { bad "install (no Node 24 binary or headers)"; exit 1; }

if [ "$DOWNLOAD_ONLY" = 1 ]; then
  version=$(node -p "require('$ROOT/package-lock.json').packages['node_modules/better-sqlite3'].version")
  step "better-sqlite3 $version compiled against $(node -v)'s headers, in $ADDON"
  rm -rf "$ADDON" && mkdir -p "$ADDON" && cd "$ADDON" || exit 1
  # From source, as below: `build-release` is the package's own `node-gyp rebuild --release`,
  # run by npm with its own node-gyp.
  if npm pack --silent "better-sqlite3@$version" >/dev/null && tar -xzf better-sqlite3-*.tgz &&
    (cd package && npm run build-release) >"$ADDON/build.log" 2>&1; then
    tail -n 2 "$ADDON/build.log"
  else
    tail -n 20 "$ADDON/build.log" 2>/dev/null
    rm -rf "$ADDON" # the install step compiles it then
  fi
  exit 0
fi

step "scratch copy of the working tree in $WORK"
rm -rf "$WORK"
# A clone, not a bare copy: Next takes the nearest git repository as its workspace boundary, and
# without one would root at this checkout, nesting server.js in .next/standalone/bench/.scratch/…
git clone -q --no-hardlinks "$ROOT" "$WORK" || { bad "install (could not clone)"; exit 1; }
# Then the working tree as it is on disk, uncommitted edits, new files and deletions included;
# what git ignores (node_modules, .next, .masthead, data, reports, bench/.scratch…) stays behind.
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' f; do [ -e "$f" ] || [ -L "$f" ] && printf '%s\0' "$f"; done |
  tar --null -T - -cf -) | tar -xf - -C "$WORK" || { bad "install (could not copy)"; exit 1; }
(cd "$ROOT" && git ls-files -z --deleted) | (cd "$WORK" && xargs -0r rm -f --)
cd "$WORK" || exit 1
echo "HEAD $(git log -1 --format='%h %s' | cut -c1-60), $(git status --short | wc -l) uncommitted changes"
mkdir -p "$OUT"

# Node's own check of the lockfile: a package whose `engines` leaves Node 24 out would install
# with a warning (EBADENGINE) and may fail at run time; none may.
engines() {
  node -e '
    const semver = require(require.resolve("semver", { paths: [process.cwd()] }));
    const lock = require(process.cwd() + "/package-lock.json");
    const out = Object.entries(lock.packages)
      // Installed ones: npm leaves out optional packages for other systems (sharp for Windows).
      .filter(([name, p]) => name && p.engines?.node && require("fs").existsSync(name))
      .filter(([, p]) => !semver.satisfies(process.version, p.engines.node))
      .map(([name, p]) => `${name.replace(/^node_modules\//, "")} (${p.engines.node})`);
    console.log(out.length ? `engines leaving ${process.version} out: ${out.join(", ")}` : "");'
}
if [ -n "$WAIT_FOR" ]; then
  step "waiting for $WAIT_FOR"
  while [ ! -e "$WAIT_FOR" ]; do sleep 1; done
fi

if [ -d "$ROOT/node_modules/better-sqlite3" ] && [ -z "${NODE24_NPM_CI:-}" ]; then
  step "install: this checkout's packages, better-sqlite3 compiled for Node 24"
  # The packages are the same files whichever Node runs them (hard links, so nothing is copied
  # or downloaded twice); only the native addon differs by Node's ABI, so it is a real copy,
  # compiled here. Caches tools write under node_modules start empty, as new files of this copy.
  cp -al "$ROOT/node_modules" node_modules && rm -rf node_modules/.cache node_modules/.vite &&
    rm -rf node_modules/better-sqlite3 && cp -r "$ROOT/node_modules/better-sqlite3" node_modules/ &&
    rm -rf node_modules/better-sqlite3/build
  how="this checkout's node_modules linked"
  locked=$(node -p "require('./package-lock.json').packages['node_modules/better-sqlite3'].version")
  if [ -f "$ADDON/package/build/Release/better_sqlite3.node" ] &&
    [ "$(node -p "require('$ADDON/package/package.json').version")" = "$locked" ]; then
    cp -r "$ADDON/package/build" node_modules/better-sqlite3/build
    how="$how, better-sqlite3 compiled by --prepare beside npm ci"
    ci=0
  else
    # npm's own node-gyp, as `npm ci` would run it (see below for why from source).
    npm_config_build_from_source=better-sqlite3 npm rebuild better-sqlite3 --foreground-scripts \
      >"$OUT/npm-ci.log" 2>&1
    ci=$?
    tail -n 3 "$OUT/npm-ci.log"
  fi
else
  step "npm ci"
  how="npm ci"
  # Straight to node-gyp: prebuild-install's GitHub download cannot work here, and online it
  # would skip the compile this check is meant to prove. (npm warns of the unknown config; it is
  # for prebuild-install.)
  npm_config_build_from_source=better-sqlite3 npm ci --no-audit --no-fund 2>&1 | tee "$OUT/npm-ci.log"
  ci=${PIPESTATUS[0]}
fi
excluded=$(engines)
sqlite=$(node -e "const db = require('better-sqlite3')(':memory:');
  console.log('better-sqlite3', db.prepare('select sqlite_version() v').get().v, 'ABI', process.versions.modules)")
# node-gyp records the headers it built against: proof it compiled here, against 24's.
if [ "$ci" = 0 ] && [ -n "$sqlite" ] && [ -z "$excluded" ] &&
  grep -q "\"nodedir\": \"$npm_config_nodedir\"" node_modules/better-sqlite3/build/config.gypi; then
  ok "install ($how; every package's engines admit $(node -v); $sqlite, compiled by node-gyp against $(node -v)'s headers)"
else
  bad "install ($how exit $ci, better-sqlite3: ${sqlite:-does not load}; $excluded)"; exit 1
fi

step "unit tests (vitest)"
[ -n "${TEST_DATABASE_URL:-}" ] && echo "store tests on SQLite and PostgreSQL (TEST_DATABASE_URL)" ||
  echo "notice: TEST_DATABASE_URL unset; store tests run on SQLite only"
node test/run/unit.mjs "$OUT"
if counts=$(node -e "const u = require('$OUT/unit-summary.json'); console.log(u.passed, u.failed)"); then
  read -r p f <<<"$counts"
  passed=$((passed + p)) failed=$((failed + f))
else
  bad "unit (no report: vitest did not run)"
fi

step "production build (content + next build)"
# As test/run-all.sh builds: listings of two, live stories five entries a page, only the newest
# six articles prerendered.
export MASTHEAD_PAGE_SIZE=${MASTHEAD_PAGE_SIZE:-2} MASTHEAD_PRERENDER_ARTICLES=${MASTHEAD_PRERENDER_ARTICLES:-6}
export MASTHEAD_LIVE_PAGE_SIZE=${MASTHEAD_LIVE_PAGE_SIZE:-5}
npm run build || { bad "build (npm run build)"; exit 1; }
ok "build (npm run build)"

step "production server"
PORT=$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1',
  () => { console.log(s.address().port); s.close(); })")
export NODE_ENV=production
if [ -f .next/standalone/server.js ]; then
  # Laid out as Next's docs (and test/checks/cluster/instances.mjs) say: static files and public/
  # beside the server. The content store is not traced into it: it is named, as a volume would be.
  cp -r public .next/standalone/ && cp -r .next/static .next/standalone/.next/
  export MASTHEAD_CONTENT_DIR=$WORK/.masthead/content
  (cd .next/standalone && PORT=$PORT HOSTNAME=127.0.0.1 exec setsid node server.js) >"$OUT/server.log" 2>&1 &
  how="node .next/standalone/server.js"
else
  setsid npx next start -H 127.0.0.1 -p "$PORT" >"$OUT/server.log" 2>&1 &
  how="npx next start"
fi
server=$! BASE=http://127.0.0.1:$PORT
for _ in $(seq 300); do # up to a minute, unless it exits first
  curl -fs -o /dev/null "$BASE/robots.txt" || ! kill -0 "$server" 2>/dev/null && break
  sleep 0.2
done
curl -fsS -o /dev/null "$BASE/robots.txt" || { cat "$OUT/server.log"; bad "serve (no answer on $BASE)"; exit 1; }
echo "$how on $(node -v) serving $BASE (log: $OUT/server.log)"

step "smoke pages, picked from the built content index"
# Each must answer 200 with the right type, naming the story (or person) expected there.
node --input-type=module - "$BASE" <<'JS' | tee "$OUT/smoke.txt"
import { readFileSync } from 'node:fs';
const base = process.argv[2];
const index = JSON.parse(readFileSync('.masthead/content/current/index.json', 'utf8'));
const live = index.articles
  .filter((a) => !a.draft && Date.parse(a.date) <= Date.now())
  .sort((a, b) => Date.parse(b.date) - Date.parse(a.date));
const [newest, oldest] = [live[0], live.at(-1)];
const author = index.authors.find((p) => p.id === newest.authorIds[0]);
const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }; // headlines have quotes
const decode = (s) => s.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (m, e) =>
  e[0] === '#' ? String.fromCodePoint(Number(e.slice(1).replace(/^x/i, '0x'))) : (named[e] ?? m));
const pages = [
  ['/', 'html', newest.title],
  [`/${newest.section}`, 'html', newest.title],
  [newest.url, 'html', newest.title],
  [oldest.url, 'html', oldest.title], // not prerendered: rendered on this request, on Node 24
  [`/tags/${newest.tags[0]}`, 'html', newest.title],
  [`/authors/${author.id}`, 'html', author.name],
  [`/search?q=${encodeURIComponent(newest.title)}`, 'html', newest.title],
  ['/feed.xml', 'xml', newest.title],
  ['/sitemap.xml', 'xml', newest.url],
  ['/api/health', 'json', '"ok":true', 'optional'],
];
for (const [url, type, expected, optional] of pages) {
  try {
    const res = await fetch(base + url, { signal: AbortSignal.timeout(60_000) });
    const [got, body] = [`${res.status} ${res.headers.get('content-type')}`, decode(await res.text())];
    if (optional && res.status === 404) console.log(`skip ${url} (404: not in this version)`);
    else if (res.status !== 200 || !got.includes(type)) console.log(`FAIL ${url}: ${got}`);
    else if (!body.includes(expected)) console.log(`FAIL ${url}: ${got} without "${expected}"`);
    else console.log(`ok   ${url} (${got}, has "${expected}")`);
  } catch (error) {
    console.log(`FAIL ${url}: ${error.message}`);
  }
}
JS
p=$(grep -c '^ok' "$OUT/smoke.txt") f=$(grep -c '^FAIL' "$OUT/smoke.txt")
passed=$((passed + p)) failed=$((failed + f))
[ "$p" -gt 0 ] || bad "smoke pages (none answered)"
grep -iE 'error|warn' "$OUT/server.log" | head -n 20 # what the server complained of, if anything
exit $((failed > 0))
