import { NextResponse, type NextRequest } from 'next/server';
import { decideHost } from '@/lib/routing/admin-host';
import { searchThrottle } from '@/lib/content/search/throttle';
import { checkRequestBody } from '@/lib/routing/body-check';
import { decideRoute } from '@/lib/routing/decide';
import {
  adminHostNotFoundResponse,
  adminHostPolicy,
  notFoundResponse,
  refusal,
} from '@/lib/routing/not-found-response';
import { redirectResponse } from '@/lib/routing/redirects';
import { isPreviewCookie, isPublicFile, siteRoutes } from '@/lib/routing/site-routes';
import { adminOrigin } from '@/lib/security/secret-settings';

/**
 * Refuses what does not exist before Next renders it: an invented article, topic, author or
 * page number answers the site's 404 page from the content index, and leaves nothing in Next's
 * cache (docs/decisions/011). An old address the newsroom redirects (content/redirects/) is
 * answered 308 first, on the site's own host only (docs/decisions/023). A request body Next could only answer with a 500 (too large,
 * of unknown length, a form that does not parse) is refused here too. With ADMIN_ORIGIN, the
 * admin area and preview answer on that host alone, and it answers nothing else
 * (docs/decisions/019).
 */
export function proxy(request: NextRequest): NextResponse | Promise<NextResponse> {
  // Reads stay synchronous: they are nearly every request.
  if (request.method === 'GET' || request.method === 'HEAD') return route(request);
  return checkRequestBody(request).then((bad) =>
    bad ? refusal(bad.status, `${bad.message}\n`) : route(request),
  );
}

const previewCookie = (request: NextRequest) =>
  isPreviewCookie(request.cookies.get('__prerender_bypass')?.value);

function route(request: NextRequest): NextResponse {
  const { pathname } = request.nextUrl;
  const host = decideHost(
    {
      pathname,
      host: request.headers.get('host'),
      preview: () => previewCookie(request),
      isPublicFile,
    },
    adminOrigin(),
  );
  switch (host) {
    case 'not-found':
      return notFoundResponse() ?? adminHostNotFoundResponse();
    case 'admin-not-found':
      return adminHostNotFoundResponse();
    case 'to-admin':
      return NextResponse.redirect(new URL('/admin/comments', request.url), 303);
    case 'admin': {
      const response = siteRoute(request, pathname);
      if (!response) return adminHostNotFoundResponse();
      // Narrows the policy next.config.js sends: where two policies arrive, both are enforced.
      response.headers.set('Content-Security-Policy', adminHostPolicy());
      return response;
    }
    case 'public':
      // An old address (content/redirects/) is answered before anything else is decided.
      return redirectResponse(request) ?? publicRoute(request, pathname);
  }
}

/** A reader's request on the site's own host. */
function publicRoute(request: NextRequest, pathname: string): NextResponse {
  // A search is rendered for each request: one network may ask only so often.
  if (pathname === '/search') return searchThrottle(request) ?? NextResponse.next();
  // Under `next dev` the page answers its own 404: nothing is prerendered, nothing cached.
  return siteRoute(request, pathname) ?? notFoundResponse() ?? NextResponse.next();
}

/** The route table's answer: through to Next, or undefined for an address that names nothing. */
function siteRoute(request: NextRequest, pathname: string): NextResponse | undefined {
  const routes = siteRoutes();
  if (!routes) return NextResponse.next();
  const decision = decideRoute(pathname, routes);
  if (decision === 'allow') return NextResponse.next();
  if (decision === 'preview' && previewCookie(request)) return NextResponse.next();
  if (isPublicFile(pathname)) return NextResponse.next();
  return undefined;
}

export const config = {
  matcher: [
    // Not Next's own files (scripts, styles, optimised images, development tools). The front
    // page too: with ADMIN_ORIGIN the admin host must not render it (docs/decisions/019). Any
    // other /_next/ path is refused here: /_next/<anything> would otherwise be rendered by the
    // section and article routes as a section called "_next" (a render, and a cache entry).
    '/((?!_next/static/|_next/image|__nextjs).*)',
    // And a file path of Next's with a percent sign, which none of its files has: the routes
    // would decode it, and an undecodable one (/_next/static/%ZZ) was a 500; here it is a 404.
    '/_next/static/:rest(.*%.*)',
  ],
};
