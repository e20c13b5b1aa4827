#!/usr/bin/env bash
# The comparison site for `node bench/lighthouse.mjs --other …` (issue 20): timlrx's
# tailwind-nextjs-starter-blog ("TN"), the best-known Next.js + MDX starter, built as a new user
# would and served by `next start`. Nothing of it enters this repository; it lives in $TN_DIR.
#
#   bash bench/tn-starter.sh            # clone (once), install, stub fonts, build, then serve
#   TN_SOURCE=/path/to/git/dir TN_DIR=/tmp/tn TN_PORT=3600 bash bench/tn-starter.sh
#
# Then, in another shell, from a Masthead build:
#   node bench/lighthouse.mjs --runs 5 --other http://127.0.0.1:3600 \
#     --other-paths /blog/release-of-tailwind-nextjs-starter-blog-v2.0,/
#
# What differs from TN's own instructions, and why:
# - npm instead of yarn: TN pins yarn 3 (berry) through `packageManager`, which needs corepack;
#   npm resolves the same ranges from package.json (no lock file, so versions are the newest
#   within TN's ranges on the day; next, react and react-dom are pinned exactly, and the script
#   prints them). Newer lint tooling fails TN's own files, so the build skips lint.
# - next/font/google downloads its fonts from Google while building; offline that fails. Both
#   imports are pointed at a stub that returns no font (the page falls back to the system's
#   sans-serif, as Masthead uses). The real font would add two woff2 files and a preload; the
#   stub can only flatter TN's LCP a little, never its blocking time.
set -euo pipefail

TN_SOURCE=${TN_SOURCE:-https://github.com/timlrx/tailwind-nextjs-starter-blog}
TN_DIR=${TN_DIR:-/tmp/tn}
TN_PORT=${TN_PORT:-3600}
# The commit measured for issue 20; set TN_COMMIT= (empty) to take the source's newest.
TN_COMMIT=${TN_COMMIT-0bd9333c8e04aefac9e3811370e3800ce658ecbd}
export NEXT_TELEMETRY_DISABLED=1

if [ ! -d "$TN_DIR/.git" ]; then
  git clone -q "$TN_SOURCE" "$TN_DIR"
fi
cd "$TN_DIR"
if [ -n "$TN_COMMIT" ]; then git checkout -q "$TN_COMMIT"; fi
echo "TN at $(git rev-parse --short HEAD) in $TN_DIR"

# The font stub: one module, the two imports pointed at it, and the CSS variable the
# display font sets, so headings keep a sans-serif stack. Idempotent.
cat >components/font-stub.js <<'EOF'
// bench/tn-starter.sh: stands in for Google's fonts, which cannot download offline.
const font = (variable) => (options) => ({ className: '', variable, style: { fontFamily: 'system-ui' } })
export const Inter = font('')
export const Space_Grotesk = font('font-stub-space-grotesk')
EOF
sed -i "s#from 'next/font/google'#from '@/components/font-stub'#" \
  components/LayoutWrapper.tsx app/layout.tsx
grep -q font-stub-space-grotesk css/tailwind.css ||
  printf '\n.font-stub-space-grotesk {\n  --font-space-grotesk: ui-sans-serif;\n}\n' >>css/tailwind.css
if grep -rqs --exclude=font-stub.js "next/font/google" app components layouts; then
  echo "tn-starter: a next/font/google import is left; stub it too" >&2
  exit 1
fi

if [ ! -d node_modules/next ]; then
  npm install --no-audit --no-fund
fi
echo "next $(node -p "require('next/package.json').version"), react $(node -p "require('react/package.json').version")"

if [ ! -f .next/BUILD_ID ]; then
  # TN's `build` script without its lint step: without yarn.lock's pins, npm installs newer
  # prettier plugins whose rules TN's own files fail. Lint does not change what is built.
  INIT_CWD=$PWD npx next build --no-lint
  NODE_OPTIONS='--experimental-json-modules' node ./scripts/postbuild.mjs
fi

echo "serving TN on http://127.0.0.1:$TN_PORT"
exec npx next start -p "$TN_PORT" -H 127.0.0.1
