import path from 'node:path';
import { NextResponse } from 'next/server';
import { builtAdOrigins } from '../ads/built-origins';
import { securityHeaders } from '../security/headers.js';
import { siteConfig } from '../site';
import { watchedFile } from './watched-file';

/**
 * Never stored, as Next answers its own 404s: answering one costs the server a lookup, and a
 * stored 404 would outlive the story later published at its address (docs/decisions/011).
 */
const NOT_FOUND_CACHE_CONTROL = 'private, no-cache, no-store, max-age=0, must-revalidate';

/** The site's not-found page (app/not-found.tsx) as `next build` prerendered it. */
const prerendered = watchedFile(
  () => path.join(process.cwd(), '.next', 'server', 'app', '_not-found.html'),
  (html) => html,
  { intervalMs: 10_000 },
);

/**
 * The site's own not-found page, header, footer and search included, with status 404 and
 * without rendering anything or writing to Next's cache. Client-side navigations get the same
 * HTML; Next's router then loads the address as a whole page, which shows this page again.
 * Undefined under `next dev`, which prerenders nothing (and caches nothing to protect).
 */
export function notFoundResponse(): NextResponse | undefined {
  const html = process.env.NODE_ENV === 'production' ? prerendered() : undefined;
  if (html === undefined) return undefined;
  return refusal(404, html, 'text/html; charset=utf-8');
}

/**
 * The admin host's 404 (ADMIN_ORIGIN, docs/decisions/019): it renders no public page, so its
 * not-found page is this one, which carries no script at all, rather than the site's.
 */
const ADMIN_HOST_NOT_FOUND = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Not found</title></head>
<body><h1>Not found</h1>
<p>This address serves the newsroom’s tools only: <a href="/admin/comments">moderation</a> and
<a href="/admin/preview">preview</a>.</p></body></html>
`;

export function adminHostNotFoundResponse(): NextResponse {
  return refusal(404, ADMIN_HOST_NOT_FOUND, 'text/html; charset=utf-8', { adminHost: true });
}

/**
 * The policy of every answer on the admin host: the site's, with no ad provider in it. A page
 * previewed there (the only page of the site's it renders) may not load the provider's script
 * where the moderator's cookie would be sent. A second policy header can only narrow the first.
 */
export function adminHostPolicy(): string {
  return policyOf(securityHeaders({ siteUrl: siteConfig.url, adOrigins: [] }));
}

const policyOf = (headers: { key: string; value: string }[]) =>
  headers.find(({ key }) => key === 'Content-Security-Policy')?.value ?? "default-src 'none'";

/** An answer the proxy gives itself: the security headers, and never stored anywhere. */
export function refusal(
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
  { adminHost = false } = {},
) {
  const headers = new Headers();
  for (const { key, value } of securityHeaders({
    siteUrl: siteConfig.url,
    adOrigins: adminHost ? [] : builtAdOrigins(),
  })) {
    headers.set(key, value);
  }
  headers.set('Cache-Control', NOT_FOUND_CACHE_CONTROL);
  headers.set('Content-Type', type);
  return new NextResponse(body, { status, headers });
}
