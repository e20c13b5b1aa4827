/**
 * Pages three folders deep and more (content/pages/about/team/editors.mdx) are rendered by
 * app/nested-page/[...path]: next.config.js rewrites their public address there. A catch-all under
 * the section routes (/[section]/[slug]/[...path]) would also catch Next's own file paths
 * (/_next/static/<a>/<b>), which the proxy never sees, so an undecodable one was a 500
 * (e2e/malformed.spec.ts); a route under a literal folder cannot. Readers never see the
 * internal address: asked for directly, the proxy answers 404 (lib/routing/decide.ts).
 */
export const NESTED_PAGE_PREFIX = '/nested-page';

/** The public route of pages three deep and more, as lib/routing/decide.ts spells it. */
export const DEEP_PAGE_ROUTE = '/[section]/[slug]/[...path]';

/** Where a page's public address is rendered, when that is not the address itself. */
export function nestedPagePath(url: string): string | undefined {
  const depth = url.split('/').filter(Boolean).length;
  return depth >= 3 ? `${NESTED_PAGE_PREFIX}${url}` : undefined;
}
