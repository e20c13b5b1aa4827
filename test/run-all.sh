#!/usr/bin/env bash
# Command B: every check Masthead has, from a fresh clone, installing what it needs.
# Ends with one line, "N passed, N failed", totalled over every suite. Exit code 0 only when
# nothing failed.
#
# Jobs that wait on the network, on sleeps or on servers run side by side (docs/decisions/021):
#   install   npm ci  |  apt (browser, PostgreSQL, Redis, nginx)
#   static    eslint  |  prettier, content build, tsc
#   unit      vitest (Node 20)  |  the advertising build (low priority)
#   build     next build (the main build, read-only from here on)
#   serve     e2e  |  the whole-project checks in two lanes  |  advertising
# and Node 24 in a lane of its own from the start: its download and better-sqlite3's compile
# while npm ci waits on the network, then its install (linked), unit run, build and pages.
# Each job's output goes to reports/logs/<job>.log and is printed whole when it ends.
set -uo pipefail
cd "$(dirname "$0")/.."

REPORTS=reports
LOGS=$REPORTS/logs
rm -rf "$REPORTS" && mkdir -p "$LOGS"
: > "$REPORTS/checks.txt"
: > "$REPORTS/timings.txt"
STARTED=$SECONDS

step() { printf '\n\033[1m== %s\033[0m (at %d s)\n' "$*" $((SECONDS - STARTED)); }

started_pg=0 # set when this run started Debian's PostgreSQL, which it then stops
stop_pg() {
  [ "$started_pg" = 1 ] || return 0
  local version
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_ctlcluster "$version" main stop > /dev/null 2>&1 || true
}
# Whatever way this ends, nothing it started is left running.
cleanup() {
  stop_pg
  local pids
  pids=$(jobs -p)
  [ -n "$pids" ] && kill $pids 2> /dev/null
  return 0
}
trap cleanup EXIT

# A job counted as one test: its name, then its command. Output to its log, printed at the end.
declare -A PIDS=() BEGAN=()
job() {
  local name=$1
  shift
  printf '\033[2m-- started %s (at %d s)\033[0m\n' "$name" $((SECONDS - STARTED))
  BEGAN[$name]=$SECONDS
  # Its end, written by the job itself: a job joined late would otherwise seem to have run long.
  ( "$@"; rc=$?; echo "$SECONDS" > "$LOGS/$name.end"; exit $rc ) > "$LOGS/$name.log" 2>&1 &
  PIDS[$name]=$!
}
# Waits for a job; prints its log; counts it in checks.txt unless told `--uncounted`.
join() {
  local counted=1
  [ "$1" = --uncounted ] && counted=0 && shift
  local name=$1 rc
  wait "${PIDS[$name]}"
  rc=$?
  local ended=$SECONDS
  [ -s "$LOGS/$name.end" ] && ended=$(cat "$LOGS/$name.end")
  local took=$((ended - ${BEGAN[$name]}))
  printf '\n\033[1m== %s\033[0m (%d s, ended at %d s)\n' "$name" "$took" $((ended - STARTED))
  cat "$LOGS/$name.log"
  echo "$took $name" >> "$REPORTS/timings.txt"
  if [ "$counted" = 1 ]; then
    if [ "$rc" = 0 ]; then echo "pass $name" >> "$REPORTS/checks.txt"; else echo "fail $name" >> "$REPORTS/checks.txt"; fi
  fi
  return "$rc"
}

apt_install() {
  # Installed, not started: Debian would start nginx on every address and Redis on 6379.
  local made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    made_policy=1
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" > /dev/null
  local rc=$?
  [ "$made_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
  return $rc
}

# What the browser tests and the store, fault and cluster checks need from the system: Debian's
# Chromium (Playwright's own download is blocked in some networks; Debian's is not), PostgreSQL,
# Redis and nginx, each started by the test that uses it, on loopback only.
system_packages() {
  if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; then
    local missing=()
    [ -x /usr/bin/chromium ] || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium)
    ls /usr/lib/postgresql/*/bin/postgres > /dev/null 2>&1 || missing+=(postgresql)
    [ -x /usr/bin/redis-server ] || missing+=(redis-server)
    [ -x /usr/sbin/nginx ] || missing+=(nginx)
    [ ${#missing[@]} -eq 0 ] && { echo "chromium, postgresql, redis-server and nginx present"; return 0; }
    echo "installing ${missing[*]}"
    apt_install "${missing[@]}"
  elif [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
    npx playwright install chromium
  fi
}

# How busy the processors were, for BENCHMARKS.md: /proc/stat's first line every 5 s.
if [ -r /proc/stat ]; then
  (while head -n 1 /proc/stat && sleep 5; do :; done > "$REPORTS/cpu.txt") &
fi

step "install: npm ci, system packages and Node 24 side by side"
job system system_packages
# Node 24 from start to end in one lane: its download and better-sqlite3's compile need no
# node_modules and run while npm ci waits on the network; its install then links this one's.
node24() {
  bash test/checks/node24.sh --prepare
  bash test/checks/node24.sh --report "$REPORTS" --wait-for "$REPORTS/.installed"
}
job node24 node24
if [ "${SKIP_INSTALL:-}" != 1 ]; then
  npm ci --no-audit --no-fund || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi
touch "$REPORTS/.installed"
echo "$((SECONDS - STARTED)) npm ci" >> "$REPORTS/timings.txt"
join --uncounted system || { echo "could not install the system packages"; echo "0 passed, 1 failed"; exit 1; }

step "static checks (Node 24 goes on beside them, and beside all that follows)"
job "lint (eslint, zero warnings)" npm run --silent lint
job "format (prettier)" npm run --silent format:check
join "format (prettier)"
job "content build (every article compiled and checked, with fixes)" npm run --silent content
join "content build (every article compiled and checked, with fixes)"
job "types (tsc)" npm run --silent typecheck
join "types (tsc)"
join "lint (eslint, zero warnings)"

step "PostgreSQL for the comment store tests"
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if [ -n "${DATABASE_URL:-}" ]; then
    export TEST_DATABASE_URL=$DATABASE_URL
  elif url=$(bash test/support/start-postgres.sh | tail -n 1) && [ -n "$url" ]; then
    export TEST_DATABASE_URL=$url started_pg=1
  fi
fi
[ -n "${TEST_DATABASE_URL:-}" ] && echo "store tests run on SQLite and PostgreSQL" ||
  echo "notice: PostgreSQL not available; store tests run on SQLite only"

# The script provider's advertising build (its origins are in the policy next.config.js writes,
# so it cannot share the main build), at low priority beside the unit run and the main build.
job ads-build node test/checks/ads.mjs --build-only

step "unit (vitest)"
t=$SECONDS
node test/run/unit.mjs "$REPORTS"
echo "$((SECONDS - t)) unit (vitest)" >> "$REPORTS/timings.txt"

# Listings of two, so 16 sample articles exercise pagination (the site's default is 20), live
# stories five entries a page, so the sample live story's 11 (and its key events' links) span
# three pages, and only the newest six articles prerendered, so the rest exercise rendering on
# first request.
export MASTHEAD_PAGE_SIZE=${MASTHEAD_PAGE_SIZE:-2}
export MASTHEAD_LIVE_PAGE_SIZE=${MASTHEAD_LIVE_PAGE_SIZE:-5}
export MASTHEAD_PRERENDER_ARTICLES=${MASTHEAD_PRERENDER_ARTICLES:-6}
# The build the image makes (.next/standalone, which the cluster check runs); `next start`, which
# the e2e run uses, serves it too (docs/decisions/020).
export MASTHEAD_STANDALONE=1
step "production build"
job "production build (next build)" npx next build
if join "production build (next build)"; then
  # From here the main build is read-only: the e2e run and every check serve copies of it
  # (test/support/build-copy.mjs), so they can run in any order and side by side.
  step "e2e, the whole-project checks, advertising and Node 24, side by side"
  # Its server on a port the system gives, like every check's: 3100 may be another run's.
  E2E_PORT=${E2E_PORT:-$(node --input-type=module -e "import { freePort } from './test/support/ports.mjs'; console.log(await freePort())")}
  export E2E_PORT
  job e2e env PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/e2e.json" npx playwright test --reporter=list,json
  # Two lanes, each check in a lane one after another: most of their time is spent waiting (a
  # load of 12 s, a cache to expire, Redis paused), and several at once crowd two cores.
  lane() {
    local rc=0 name
    for name in "$@"; do
      printf '\n== check %s (at %d s)\n' "$name" $((SECONDS - STARTED))
      local t=$SECONDS
      CLUSTER_FIGURES=$REPORTS/cluster.json node test/run/check.mjs "$name" --reports "$REPORTS" || rc=1
      echo "$((SECONDS - t)) check $name" >> "$REPORTS/timings.txt"
    done
    return $rc
  }
  lane_b=(weight faults)
  # It needs PostgreSQL: TEST_DATABASE_URL, or a private server it can start (root on Debian).
  if [ -n "${TEST_DATABASE_URL:-}" ] || [ "$(id -u)" = 0 ]; then lane_b+=(multi-process); fi
  lane_b+=(admin-origin redis)
  job checks-a lane publish cluster
  job checks-b lane "${lane_b[@]}"
  join --uncounted ads-build
  job advertising node test/checks/ads.mjs --test-only --reports "$REPORTS"
  join --uncounted e2e
  join --uncounted checks-a
  join --uncounted checks-b
  join --uncounted advertising || [ -f "$REPORTS/ads-script.json" ] ||
    echo "fail advertising (no report: the check did not finish)" >> "$REPORTS/checks.txt"
else
  join --uncounted ads-build
  echo "fail e2e (not run: the build failed)" >> "$REPORTS/checks.txt"
fi

join --uncounted node24 || [ -f "$REPORTS/node24.json" ] ||
  echo "fail node24 (no report: the check did not finish)" >> "$REPORTS/checks.txt"

step "summary"
echo "wall time of each part (seconds):"
sort -rn "$REPORTS/timings.txt" | sed 's/^/  /'
echo "command B: $((SECONDS - STARTED)) s"
if [ -s "$REPORTS/cpu.txt" ]; then
  # user+nice+system+irq+softirq+steal against all of it, from the first sample to the last.
  awk 'NR == 1 { for (i = 2; i <= 9; i++) a[i] = $i } { for (i = 2; i <= 9; i++) b[i] = $i }
    END { busy = (b[2]-a[2]) + (b[3]-a[3]) + (b[4]-a[4]) + (b[7]-a[7]) + (b[8]-a[8]) + (b[9]-a[9]);
      all = busy + (b[5]-a[5]) + (b[6]-a[6]); if (all > 0) printf "processors busy %.0f%% of the run\n", 100 * busy / all }' \
    "$REPORTS/cpu.txt"
fi
node test/run/tally.mjs "$REPORTS"
