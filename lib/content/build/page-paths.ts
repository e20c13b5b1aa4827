import { matchRoute, PAGE_ROUTES } from '../../routing/decide';
import { RESERVED_SECTION_IDS, URL_SAFE } from './addresses';

/** Pages with a route of their own in app/, which renders them from content/pages/ (/support). */
const PAGES_WITH_ROUTES = new Set(['support']);

/** Deeper than any site's own pages go (WordPress exports of newsrooms: three at most). */
export const MAX_PAGE_DEPTH = 8;

/**
 * Why a page cannot have the address its path under content/pages/ gives it (`about/team` is
 * /about/team), as "what is wrong — what to do", or undefined when it can. A page never takes
 * an address the site answers otherwise: a section's (/world), anything under a section (where
 * its articles, listing pages and feed are), or one of the site's own routes (/tags/…,
 * /search, /world/x/comment): the route decision (lib/routing/decide.ts) says which route Next
 * would give the path, and a page is rendered only by the routes in PAGE_ROUTES.
 */
export function pagePathProblem(
  id: string,
  sections: ReadonlySet<string>,
): { problem: string; fix: string } | undefined {
  const segments = id.split('/');
  const address = `/${id}`;
  const bad = segments.find((segment) => !URL_SAFE.test(segment));
  if (bad !== undefined) {
    return {
      problem: `"${bad}" cannot be part of an address`,
      fix: 'rename the file or folder with lower-case letters, digits and hyphens only',
    };
  }
  if (segments.length > MAX_PAGE_DEPTH) {
    return {
      problem: `${address} is ${segments.length} folders deep`,
      fix: `keep pages at most ${MAX_PAGE_DEPTH} deep`,
    };
  }
  if (PAGES_WITH_ROUTES.has(id)) return undefined;
  const first = segments[0] ?? '';
  if (sections.has(first)) {
    return {
      problem:
        segments.length === 1
          ? `${address} is the address of the section "${first}"`
          : `${address} is inside the section "${first}", where its articles are`,
      fix: 'rename the page, or the folder it is in: a page cannot share a section’s address',
    };
  }
  const route = matchRoute(segments)?.route;
  if (RESERVED_SECTION_IDS.has(first) || route === undefined || !PAGE_ROUTES.includes(route)) {
    return {
      problem: `${address} is an address the site uses itself`,
      fix: 'rename the page, or the folder it is in',
    };
  }
  return undefined;
}
