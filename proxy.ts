import { NextResponse, type NextRequest } from 'next/server';
import { decideRoute } from '@/lib/routing/decide';
import { notFoundResponse } from '@/lib/routing/not-found-response';
import { isPreviewCookie, isPublicFile, siteRoutes } from '@/lib/routing/site-routes';

/**
 * Refuses what does not exist before Next renders it: an invented article, topic, author or
 * page number answers the site's 404 page from the content index, and leaves nothing in Next's
 * cache (docs/decisions/011).
 */
export function proxy(request: NextRequest) {
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
  // Not Next's own files (scripts, styles, optimised images, development tools).
  matcher: ['/((?!_next/|__nextjs).+)'],
};
