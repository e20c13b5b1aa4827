import { NextResponse, type NextRequest } from 'next/server';
import { findRedirect } from '../content/redirects/addresses';
import type { RedirectsFile } from '../content/redirects/check';
import { VERSION_FILES } from '../content/store/layout';
import { versionedFile } from '../content/store/read';

/**
 * The redirects of the current content version (content/redirects/, compiled by the content
 * build), as one Map: read once per version, so a publish reaches the proxy at the next request
 * and thousands of redirects cost each request a lookup or two. A version from before redirects
 * has none.
 */
const currentRedirects = versionedFile(
  VERSION_FILES.redirects,
  (text) => new Map((JSON.parse(text) as RedirectsFile).redirects),
  { missing: () => new Map<string, string>() },
);

/**
 * Where an old address now is: the same-site path the content check let through
 * (lib/content/redirects/check.ts), or undefined.
 */
export function redirectFor(pathname: string, search: URLSearchParams): string | undefined {
  const redirects = currentRedirects()?.value;
  return redirects ? findRedirect(redirects, pathname, search)?.to : undefined;
}

/**
 * How long browsers and CDNs keep a redirect: five minutes, so that a redirect corrected in
 * content/redirects/ reaches every reader soon after it is published (a permanent redirect
 * without one is kept by browsers for as long as they like).
 */
export const REDIRECT_CACHE_CONTROL = 'public, max-age=300';

/**
 * A reader's request for an old address: 308 to where it is now, with the method kept, or
 * undefined. Reads only: a form posted to an old address is not sent on. The Location is made
 * on the request's own origin and checked to stay there; the content check has already let
 * only same-site paths through, and a redirect off the site is the one thing this must never
 * answer.
 */
export function redirectResponse(request: NextRequest): NextResponse | undefined {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const { pathname, searchParams, origin } = request.nextUrl;
  const to = redirectFor(pathname, searchParams);
  if (to === undefined) return undefined;
  const location = new URL(to, origin);
  if (location.origin !== origin) return undefined;
  const response = NextResponse.redirect(location, 308);
  response.headers.set('Cache-Control', REDIRECT_CACHE_CONTROL);
  return response;
}
