/**
 * Addresses on the old site as the redirects file holds them: a path beginning with one `/`,
 * with at most the one query parameter WordPress's plain links use (`/?p=1`). Anything else
 * (another host's address, a query of several parameters, a control character) has no
 * redirect: it was never this site's, or no reader's browser would send it.
 */
export const OLD_QUERY_KEYS = ['p', 'page_id', 'attachment_id', 'cat', 'tag', 'author', 'feed'];

/** Longer than any permalink WordPress makes, far shorter than abuse. */
export const MAX_OLD_PATH = 2_000;

const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^www\./, '');

/** The old site's address, parsed once; its host and its folder (`/blog` for a site in one). */
export type OldSite = { host: string; base: string; origin: URL };

export function oldSite(siteUrl: string): OldSite {
  let origin: URL;
  try {
    origin = new URL(siteUrl);
  } catch {
    origin = new URL('http://old-site.invalid/');
  }
  return { host: hostOf(origin), base: origin.pathname.replace(/\/+$/, ''), origin };
}

/** Percent-encoding in one form (`%ce%b5` and `%CE%B5` are one address), `//` as `/`. */
function canonicalPath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname.replace(/\/{2,}/g, '/'));
  } catch {
    return null;
  }
  if (/[\p{Cc}\p{Cf}\s]/u.test(decoded) || decoded.includes('\\')) return null;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  return segments.map((segment) => encodeURIComponent(segment).replace(/%40/g, '@')).join('/');
}

/**
 * The redirect `from` for an address the export gives (an item's <link>, an attachment's
 * URL, a link in a body), or null when it is not one of the old site's addresses. Relative
 * addresses are read against the site.
 */
export function oldPath(address: string, site: OldSite): string | null {
  if (address.length > MAX_OLD_PATH) return null;
  // The URL parser would resolve `a/../b` to `b`; an address that climbs is not a permalink.
  if (/(?:^|[/\\])(?:\.|%2e){1,2}(?:[/\\?#]|$)/i.test(address)) return null;
  let url: URL;
  try {
    url = new URL(address, site.origin);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (hostOf(url) !== site.host) return null;
  const path = canonicalPath(url.pathname);
  if (path === null || !path.startsWith('/')) return null;
  const params = [...url.searchParams];
  if (params.length === 0) return path;
  const [key = '', value = ''] = params.length === 1 ? (params[0] ?? []) : [];
  if (!OLD_QUERY_KEYS.includes(key) || !/^[\w.-]{1,200}$/.test(value)) return null;
  return `${path}?${key}=${value}`;
}
