# Masthead's production image: the standalone server (next.config.js `output: 'standalone'`),
# laid out as Next's with-docker example lays it out, plus the content store the build wrote.
# What runs it and how: docs/operations.md and compose.yaml. test/checks/cluster.mjs runs the
# same layout outside Docker (test/checks/cluster/instances.mjs).
FROM node:24-slim AS base

# The user every stage that runs Masthead runs as: the server, and the publisher (compose.yaml's
# `user:`), which writes the content volume the server's copy created as this user.
RUN groupadd --system --gid 1001 nodejs \
  && useradd --system --uid 1001 --gid nodejs --create-home nextjs

# Install dependencies only when needed
FROM base AS deps
# better-sqlite3 compiles its native module when no prebuilt binary can be downloaded. This
# stage is not shipped, so the compilers cost build time only.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

# Rebuild the source code only when needed. Also what `docker compose run --rm publisher`
# runs: a checkout with dev dependencies, for `npm run publish`.
FROM base AS builder
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# The public address is read at build time (canonical links, feeds, sitemaps, HSTS), and the
# content step compiles content/ into .masthead/content.
ARG SITE_URL=http://localhost:3000
ENV NEXT_TELEMETRY_DISABLED=1
# Standalone output is asked for here only: in a checkout, `npm start` is `next start`
# (docs/decisions/020).
RUN MASTHEAD_STANDALONE=1 npm run build \
  && chown -R nextjs:nodejs .masthead

# Production image, copy all the files and run next
FROM base AS runner
WORKDIR /app

ENV NODE_ENV=production
ENV NEXT_TELEMETRY_DISABLED=1

COPY --from=builder /app/public ./public

# Next's page cache (.next/cache) and, on one machine, the SQLite file and the generated
# COMMENTS_SECRET (data/) are written by the server's user.
RUN mkdir .next data && chown nextjs:nodejs .next data

# Automatically leverage output traces to reduce image size
# https://nextjs.org/docs/app/api-reference/config/next-config-js/output
COPY --from=builder --chown=nextjs:nodejs /app/.next/standalone ./
COPY --from=builder --chown=nextjs:nodejs /app/.next/static ./.next/static

# The content store: `current` → versions/<id>, plus bodies/. A volume mounted here starts
# as this copy when it is empty; several instances mount one volume so that a publish is
# read by all of them.
COPY --from=builder --chown=nextjs:nodejs /app/.masthead/content ./.masthead/content
ENV MASTHEAD_CONTENT_DIR=/app/.masthead/content
VOLUME /app/.masthead/content

USER nextjs

EXPOSE 3000

ENV PORT=3000
ENV HOSTNAME=0.0.0.0

# 200 while the comment database answers, 503 otherwise (app/api/health). No curl in slim
# images: Node's own fetch.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]

# server.js is created by next build from the standalone output
CMD ["node", "server.js"]
