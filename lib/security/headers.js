// @ts-check
// Plain JavaScript so that next.config.js and proxy.ts can both import it: every response the
// site sends, pages and the proxy's own refusals alike, carries the same security headers.

/**
 * The security headers for every response. A first version; docs/decisions says how the
 * Content-Security-Policy was chosen.
 * @param {{ siteUrl: string }} options
 * @returns {{ key: string; value: string }[]}
 */
export function securityHeaders({ siteUrl }) {
  const https = siteUrl.startsWith('https://');
  const csp = [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
  return [
    { key: 'Content-Security-Policy', value: csp },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
    ...(https
      ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
      : []),
  ];
}
