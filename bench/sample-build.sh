#!/usr/bin/env bash
# Times a cold production build of the sample newsroom (content + next build) three times.
# Usage: bash bench/sample-build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for run in 1 2 3; do
  rm -rf .next .masthead
  start=$(date +%s.%N)
  # GNU time's %M is the largest resident set of any one process in the tree, in KiB.
  /usr/bin/time -f "%M" -o /tmp/masthead-build-rss npm run --silent build > /dev/null
  end=$(date +%s.%N)
  printf 'run %s: %.1f s wall, %s MiB peak RSS (largest process)\n' "$run" \
    "$(echo "$end - $start" | bc)" "$(( $(cat /tmp/masthead-build-rss) / 1024 ))"
done
