// @ts-check
import { mkdirSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PHASE_PRODUCTION_BUILD } from 'next/constants.js';
import { MAX_BODY_BYTES } from './lib/security/body-limit.js';
import { adOriginsOfFile } from './lib/ads/csp-origins.js';
import { securityHeaders } from './lib/security/headers.js';

/**
 * Cache-Control for a response a CDN may keep (docs/decisions/008). Browsers revalidate every
 * time (`max-age=0`, answered with 304 while the ETag holds); a CDN serves its copy for
 * `sMaxAge` seconds, then up to a day more while it refetches in the background.
 * @param {number} sMaxAge
 */
const shared = (sMaxAge) => [
  {
    key: 'Cache-Control',
    value: `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=86400`,
  },
];

/**
 * Sources name the public routes one by one, section ids included, so that a new dynamic
 * route (search, admin, preview) never inherits a public header by matching a pattern.
 */
const sections = readdirSync(new URL('./content/sections', import.meta.url))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => file.slice(0, -'.yaml'.length))
  .join('|');

/**
 * The newsroom's own pages by address (content/pages/about/team.mdx: /about/team), named one by
 * one like the sections. /support is listed with the site's routes.
 */
const pagePaths = (() => {
  try {
    return readdirSync(new URL('./content/pages', import.meta.url), { recursive: true });
  } catch {
    return []; // A newsroom without pages of its own.
  }
})()
  .map(String)
  .filter((file) => file.endsWith('.mdx'))
  .map((file) => `/${file.slice(0, -'.mdx'.length).split(path.sep).join('/')}`)
  .filter((page) => /^(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)+$/.test(page) && page !== '/support');

/**
 * An ad provider's origins, from the content/ads.yaml being built: the policy admits them and
 * nothing else third-party. The server reads the same list (lib/ads/built-origins.ts), so a
 * provider published later, which this build's policy would block, is not loaded at all.
 */
const adOrigins = adOriginsOfFile(fileURLToPath(new URL('./content', import.meta.url)));

/** Seconds a CDN serves each kind of response before it revalidates. */
const PAGE = 30; // the articles' `revalidate`: no copy older than the server's own
const FEED = 300; // feeds, sitemap, robots.txt: read by machines that poll
const NEWS_SITEMAP = 600; // its route's `revalidate`
const PICTURE = 3600; // files in public/, which an editor may replace under the same name

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  env: { MASTHEAD_AD_ORIGINS: adOrigins.join(' ') },
  // What the container image runs, and what test/checks/cluster.mjs starts twice: the server
  // with only the files it needs (docs/decisions/015). Only when asked (the Dockerfile and
  // command B ask): `npm start` is `next start`, which says it does not work with standalone
  // output, and a checkout's server must run from the checkout, where the webhook's publish, the
  // local database and the content store are (docs/decisions/020).
  ...(process.env.MASTHEAD_STANDALONE === '1' ? { output: 'standalone' } : {}),
  // Next follows every path the server builds from process.cwd() into the standalone folder:
  // the local comment database and its secret (data/), the publish script the webhook runs in a
  // checkout, and public/ (which the image copies beside the server itself).
  outputFileTracingExcludes: {
    '*': ['data/**', 'scripts/**', 'test/**', 'public/**', '.masthead/**'],
  },
  // Next's file-system cache, or with REDIS_URL one cache every instance shares; chosen when the
  // server starts, so one build serves both (lib/cluster/cache-handler.mjs).
  cacheHandler: fileURLToPath(new URL('./lib/cluster/cache-handler.mjs', import.meta.url)),
  // Only Next's own cache keeps pages in memory, and the handler uses it only without Redis;
  // a build made with REDIS_URL says so here too (the standalone server keeps this value).
  ...(process.env.REDIS_URL ? { cacheMaxMemorySize: 0 } : {}),
  // Command B and CI type-check every commit (`npm run typecheck`) before it can land; the
  // production build does not check again, which at 10,000 articles saved 20–30 s and half a
  // gigabyte (docs/decisions/014).
  typescript: { ignoreBuildErrors: true },
  // bench/weight.mjs reads the maps to tell Next's runtime from our code in each chunk
  // (docs/decisions/007-page-weight.md). Browsers fetch them only when devtools are open.
  productionBrowserSourceMaps: true,
  reactStrictMode: true,
  images: {
    formats: ['image/avif', 'image/webp'],
    // Widths offered in each picture's srcset. Next's default goes on to 2048 and 3840, which no
    // layout here asks for (the widest picture is 768 CSS pixels, 1,536 device pixels on a
    // phone-class screen): each width is ~80 bytes in the HTML and again in the page's data, for
    // every picture of a listing (decision 029).
    deviceSizes: [640, 750, 828, 1080, 1200, 1920],
  },
  experimental: {
    // lib/security/body-limit.js says why; proxy.ts refuses anything larger before Next reads it.
    serverActions: { bodySizeLimit: MAX_BODY_BYTES },
    proxyClientMaxBodySize: MAX_BODY_BYTES + 1,
  },
  // Next strips a trailing `.rsc` before proxy.ts sees a path, then routes the path with it:
  // `/world/<real slug>.rsc` would render and cache a 404 (docs/decisions/011).
  redirects: async () => [{ source: '/:path*.rsc', destination: '/:path*', permanent: true }],
  // Pages three folders deep and more (lib/routing/nested-pages.ts): once every route in app/
  // has had its chance, a path of three segments or more is rendered by app/nested-page/[...path]
  // (proxy.ts has refused it already unless it is such a page). Not a rewrite from proxy.ts:
  // Next makes that relative to an origin of its own, which is not the proxy's when the server
  // listens on an address (`-H 127.0.0.1`), and then sends the request off as an external one.
  // Next's own paths stay Next's: /_next/static/%ZZ/x must not reach a page.
  rewrites: async () => ({
    beforeFiles: [],
    afterFiles: [],
    fallback: [
      {
        source: '/:first((?!(?:_next|nested-page)(?:/|$))[^/]+)/:second/:rest+',
        destination: '/nested-page/:first/:second/:rest+',
      },
    ],
  }),
  // Later rules win where two match: `/world/feed.xml` is a feed, not an article.
  async headers() {
    return [
      // Read at build time, like every other use of SITE_URL: build with the public address.
      {
        source: '/:path*',
        headers: securityHeaders({
          siteUrl: process.env.SITE_URL ?? 'http://localhost:3000',
          adOrigins,
        }),
      },
      ...[
        '/',
        `/:section(${sections})`,
        `/:section(${sections})/page/:page`,
        `/:section(${sections})/:slug`,
        `/:section(${sections})/:slug/page/:page`,
        '/tags',
        '/tags/:tag',
        '/tags/:tag/page/:page',
        '/authors/:id',
        '/authors/:id/page/:page',
        '/corrections',
        '/privacy',
        '/support',
        ...pagePaths,
      ].map((source) => ({ source, headers: shared(PAGE) })),
      ...[
        `/:section(${sections})/feed.xml`,
        '/feed.xml',
        '/atom.xml',
        '/feed.json',
        '/sitemap.xml',
        '/robots.txt',
      ].map((source) => ({ source, headers: shared(FEED) })),
      { source: '/news-sitemap.xml', headers: shared(NEWS_SITEMAP) },
      ...['/images/:path*', '/logo.png'].map((source) => ({ source, headers: shared(PICTURE) })),
    ];
  },
};

/**
 * A build renders pages from the current content version; a server started later compares that
 * version with the one live by then and revalidates what differs (lib/publish/sync.ts), so a
 * publish made after the build is never hidden behind a prerendered page.
 */
function recordBuiltVersion() {
  const dir = process.env.MASTHEAD_CONTENT_DIR
    ? path.resolve(process.env.MASTHEAD_CONTENT_DIR)
    : path.join(process.cwd(), '.masthead', 'content');
  try {
    const version = path.basename(readlinkSync(path.join(dir, 'current')));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'built.json'), JSON.stringify({ version, at: Date.now() }));
  } catch {
    // No content version yet: the pages say so, and there is nothing to compare later.
  }
}

/** @param {string} phase */
export default function config(phase) {
  if (phase === PHASE_PRODUCTION_BUILD) recordBuiltVersion();
  return nextConfig;
}
