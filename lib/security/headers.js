// @ts-check
// Plain JavaScript so that next.config.js and proxy.ts can both import it: every response the
// site sends, pages and the proxy's own refusals alike, carries the same security headers.
import { plainOrigin } from './plain-origin.js';

/**
 * Browser features no page of the site uses. Each is one Chromium recognises: an unknown name
 * makes Chromium print a warning on every page.
 */
const DENIED_FEATURES = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'browsing-topics',
  'camera',
  'display-capture',
  'encrypted-media',
  'geolocation',
  'gyroscope',
  'hid',
  'idle-detection',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'picture-in-picture',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
];

/**
 * The Content-Security-Policy, as tight as a statically generated Next 16 site allows
 * (docs/decisions/010-security-headers-and-csp.md):
 * - scripts only from this origin, plus inline `<script>` elements, because every page carries
 *   its own React Server Components payload inline: no fixed hash can cover it, and a nonce
 *   would make every page render per request. Inline event-handler attributes stay refused
 *   (`script-src-attr 'none'`), and so does `eval`.
 * - style sheets only from this origin, and no inline `<style>` element (the theme switch no
 *   longer inserts one: docs/decisions/033);
 *   inline style attributes allowed, which next/image writes on every picture. A browser that
 *   knows no `-elem`/`-attr` directives falls back to `style-src`, which allows both.
 * - an ad provider's origins, only when content/ads.yaml names a script provider: for its
 *   script, the pictures and frames of its creatives and what it reports back
 *   (docs/decisions/016-advertising.md). Nothing else third-party, ever.
 * @param {boolean} https
 * @param {string[]} adOrigins
 */
function contentSecurityPolicy(https, adOrigins) {
  // Only what is exactly a plain origin: a token like `https://*` or `a.com;sandbox` would widen
  // the policy or add a directive (lib/ads/csp-origins.js has refused them already).
  const admitted = adOrigins.filter((origin) => plainOrigin(origin)?.origin === origin);
  const ads = admitted.map((origin) => ` ${origin}`).join('');
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${ads}`,
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "style-src-elem 'self'",
    `img-src 'self'${ads}`,
    "font-src 'self'",
    `connect-src 'self'${ads}`,
    admitted.length > 0 ? `frame-src${ads}` : "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/**
 * The security headers for every response.
 * @param {{ siteUrl: string; adOrigins?: string[] }} options `siteUrl` is SITE_URL: HSTS only when it is https, since
 *   a browser told to use https for a site served over http could no longer reach it.
 *   `adOrigins` the ad provider's origins (lib/ads/csp-origins.js), none by default.
 * @returns {{ key: string; value: string }[]}
 */
export function securityHeaders({ siteUrl, adOrigins = [] }) {
  const https = /^https:\/\//i.test(siteUrl);
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(https, adOrigins) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    // frame-ancestors for browsers that predate it.
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: DENIED_FEATURES.map((f) => `${f}=()`).join(', ') },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    // Two years; not includeSubDomains: the newsroom's other hosts under the same domain are
    // not Masthead's to promise https for.
    ...(https ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }] : []),
  ];
}
