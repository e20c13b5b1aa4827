#!/usr/bin/env bash
# Command B: every check Masthead has, from a fresh clone, installing what it needs.
# Ends with one line, "N passed, N failed", totalled over every suite. Exit code 0 only when
# nothing failed.
set -uo pipefail
cd "$(dirname "$0")/.."

REPORTS=reports
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
: > "$REPORTS/checks.txt"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# Runs a whole-project check that counts as one test: its name, then its command.
check() {
  local name=$1
  shift
  step "$name"
  if "$@"; then
    echo "pass $name" >> "$REPORTS/checks.txt"
  else
    echo "fail $name" >> "$REPORTS/checks.txt"
    return 1
  fi
}

have_browser() {
  [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ] && return 0
  [ -x /usr/bin/chromium ] && return 0
  return 1
}

install_browser() {
  have_browser && return 0
  if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; then
    # Playwright's own browser download is blocked in some networks; Debian's Chromium is not.
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    npx playwright install chromium
  fi
}

step "install"
if [ "${SKIP_INSTALL:-}" != 1 ]; then
  npm ci --no-audit --no-fund || { echo "npm ci failed"; echo "0 passed, 1 failed"; exit 1; }
fi
install_browser || { echo "could not install a browser"; echo "0 passed, 1 failed"; exit 1; }

# The services the store, fault and cluster checks start for themselves, on loopback only.
if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ]; then
  missing=()
  ls /usr/lib/postgresql/*/bin/postgres > /dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/bin/redis-server ] || missing+=(redis-server)
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then
    # Installed, not started: Debian would start nginx on every address and Redis on 6379.
    made_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
      made_policy=1
    fi
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    [ "$made_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d
  fi
fi

check "format (prettier)" npm run --silent format:check
check "lint (eslint, zero warnings)" npm run --silent lint
check "content build (every article compiled and checked, with fixes)" npm run --silent content
check "types (tsc)" npm run --silent typecheck

step "PostgreSQL for the comment store tests"
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if [ -n "${DATABASE_URL:-}" ]; then
    export TEST_DATABASE_URL=$DATABASE_URL
  elif url=$(bash test/support/start-postgres.sh | tail -n 1) && [ -n "$url" ]; then
    export TEST_DATABASE_URL=$url
  fi
fi
[ -n "${TEST_DATABASE_URL:-}" ] && echo "store tests run on SQLite and PostgreSQL" ||
  echo "notice: PostgreSQL not available; store tests run on SQLite only"

step "unit (vitest)"
node test/run/unit.mjs "$REPORTS"

# Listings of two, so 16 sample articles exercise pagination (the site's default is 20), and
# only the newest six articles prerendered, so the rest exercise rendering on first request.
export MASTHEAD_PAGE_SIZE=${MASTHEAD_PAGE_SIZE:-2}
export MASTHEAD_PRERENDER_ARTICLES=${MASTHEAD_PRERENDER_ARTICLES:-6}
# The build the image makes (.next/standalone, which the cluster check runs); `next start`, which
# the e2e run uses, serves it too (docs/decisions/020).
export MASTHEAD_STANDALONE=1
if check "production build (next build)" npx next build; then
  # Before the e2e run, so no page it regenerates (with its comments) is in what is weighed.
  check "page weight within budgets (bench/budgets.json)" node bench/weight.mjs --check
  step "e2e (playwright, production server)"
  PLAYWRIGHT_JSON_OUTPUT_NAME="$REPORTS/e2e.json" npx playwright test --reporter=list,json
  if [ -n "${TEST_DATABASE_URL:-}" ]; then
    check "comments across two server processes on PostgreSQL" node test/checks/multi-process.mjs
  fi
  check "faults: SIGKILL mid-load, PostgreSQL down at start and mid-run" node test/checks/faults.mjs
  check "publish: new, edited, removed, scheduled and pushed articles live without a rebuild" node test/checks/publish.mjs
  check "ADMIN_ORIGIN: admin and preview only on the admin host, hostile Host headers refused" node test/checks/admin-origin.mjs
  check "advertising: house promotions and a script provider, each on a build of its own" \
    node test/checks/ads.mjs --reports "$REPORTS"
  check "cluster: two standalone instances behind nginx sharing PostgreSQL, Redis and content" \
    node test/checks/cluster.mjs --figures "$REPORTS/cluster.json"
  check "Redis as operators run it: stock, paused, busy, full, read-only, gone; pages within a second" \
    node test/checks/redis.mjs
else
  echo "fail e2e (not run: the build failed)" >> "$REPORTS/checks.txt"
fi

step "Node 24 LTS: install, unit tests, build and main pages on a scratch copy"
bash test/checks/node24.sh --report "$REPORTS" ||
  [ -f "$REPORTS/node24.json" ] ||
  echo "fail node24 (no report: the check did not finish)" >> "$REPORTS/checks.txt"

step "summary"
node test/run/tally.mjs "$REPORTS"
