import { NextResponse, type NextRequest } from 'next/server';
import { checkRequestBody } from '@/lib/routing/body-check';
import { decideRoute } from '@/lib/routing/decide';
import { notFoundResponse, refusal } from '@/lib/routing/not-found-response';
import { isPreviewCookie, isPublicFile, siteRoutes } from '@/lib/routing/site-routes';

/**
 * Refuses what does not exist before Next renders it: an invented article, topic, author or
 * page number answers the site's 404 page from the content index, and leaves nothing in Next's
 * cache (docs/decisions/011). A request body Next could only answer with a 500 (too large,
 * of unknown length, a form that does not parse) is refused here too.
 */
export function proxy(request: NextRequest): NextResponse | Promise<NextResponse> {
  // Reads stay synchronous: they are nearly every request.
  if (request.method === 'GET' || request.method === 'HEAD') return route(request);
  return checkRequestBody(request).then((bad) =>
    bad ? refusal(bad.status, `${bad.message}\n`) : route(request),
  );
}

function route(request: NextRequest): NextResponse {
  const routes = siteRoutes();
  if (!routes) return NextResponse.next();
  const { pathname } = request.nextUrl;
  const decision = decideRoute(pathname, routes);
  if (decision === 'allow') return NextResponse.next();
  if (decision === 'preview' && isPreviewCookie(request.cookies.get('__prerender_bypass')?.value)) {
    return NextResponse.next();
  }
  if (isPublicFile(pathname)) return NextResponse.next();
  // Under `next dev` the page answers its own 404: nothing is prerendered, nothing cached.
  return notFoundResponse() ?? NextResponse.next();
}

export const config = {
  matcher: [
    // Not Next's own files (scripts, styles, optimised images, development tools).
    '/((?!_next/|__nextjs).+)',
    // The front page is always there; only what is posted to it needs a look.
    { source: '/', has: [{ type: 'header', key: 'content-type' }] },
  ],
};
