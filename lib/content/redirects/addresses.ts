/**
 * How an old address is matched, shared by the content check that validates redirects and the
 * proxy that answers them, so the two can never disagree (docs/decisions/023).
 *
 * An address is matched the way the old site answered it: WordPress found `/2019/05/Hello/`
 * and `/2019/05/hello` alike (its database compares slugs without case, and it redirects to add
 * the slash), and browsers percent-encode the same letters differently (`%c3%a9`, `%C3%A9`,
 * `é`). So a key is the path decoded segment by segment, in Unicode's composed form, lower
 * case, encoded again one way, without the slash at the end; with one query parameter when the
 * old address was one (`/?p=123`). Anything that cannot be read one way has no key and matches
 * nothing: an empty segment (`//`), a dot segment, an encoded slash or backslash, a control
 * character, a broken escape.
 */

/** Longer than any address a WordPress site writes, far shorter than abuse. */
export const MAX_ADDRESS = 1024;

/** Query parameters of a request looked at, in order; a reader's request carries a few. */
const MAX_PARAMETERS = 16;

/** In a decoded segment or parameter: a slash, a backslash, a control character, a lone surrogate. */
const NOT_IN_SEGMENT = /[/\\\p{Cc}\p{Cs}]/u;

const PARAMETER_NAME = /^[a-z0-9_-]{1,64}$/;

/** What most segments are written with, which decoding and encoding leave as they are. */
const PLAIN = /^[A-Za-z0-9._~-]+$/;

/** One segment or parameter value, decoded, or undefined when it cannot be read one way. */
function canonical(raw: string, decode: boolean): string | undefined {
  // The common case, without the cost of decoding, normalising and encoding: every request
  // pays for its own path's key.
  if (PLAIN.test(raw)) return raw.toLowerCase();
  let decoded = raw;
  if (decode) {
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  if (decoded === '' || NOT_IN_SEGMENT.test(decoded)) return undefined;
  return encodeURIComponent(decoded.normalize('NFC').toLowerCase());
}

/** A path of plain segments, none of them a dot segment: its key is itself in lower case. */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+\/?$/;

/** The key of a path (no query): `/2019/05/Hello-World/` is `/2019/05/hello-world`. */
export function pathKey(pathname: string): string | undefined {
  if (pathname.length > MAX_ADDRESS || !pathname.startsWith('/')) return undefined;
  if (pathname === '/') return '/';
  if (PLAIN_PATH.test(pathname)) {
    return (pathname.endsWith('/') ? pathname.slice(0, -1) : pathname).toLowerCase();
  }
  const body = pathname.endsWith('/') ? pathname.slice(1, -1) : pathname.slice(1);
  const keys: string[] = [];
  for (const part of body.split('/')) {
    const key = canonical(part, true);
    if (key === undefined || key === '.' || key === '..') return undefined;
    keys.push(key);
  }
  return `/${keys.join('/')}`;
}

/** `path?name=value`, both as keys: a request's one parameter, or a redirect's. */
function withParameter(path: string, name: string, value: string): string | undefined {
  const lower = name.toLowerCase();
  if (!PARAMETER_NAME.test(lower)) return undefined;
  const key = canonical(value, false);
  return key === undefined || key.length > MAX_ADDRESS ? undefined : `${path}?${lower}=${key}`;
}

/**
 * An address as a message shows it: quoted, with control and invisible characters escaped (a
 * newline would break the check's one line per problem), and cut short.
 */
export const shown = (address: string) =>
  JSON.stringify(address.length > 120 ? `${address.slice(0, 120)}…` : address).replace(
    // Invisible characters too (a bidi override would reorder the rest of the line).
    /[\p{Cf}\p{Zl}\p{Zp}]/gu,
    (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`,
  );

/** Why an old address cannot be redirected, or its key: what the content check says of `from`. */
export function fromKey(from: string): { key: string } | { problem: string; fix: string } {
  if (from.length > MAX_ADDRESS) {
    return {
      problem: `is ${from.length} characters long`,
      fix: `an old address is at most ${MAX_ADDRESS}`,
    };
  }
  if (!from.startsWith('/') || from.startsWith('//')) {
    const path = URL.canParse(from) ? new URL(from) : undefined;
    return {
      problem: `${shown(from)} is not a path`,
      fix:
        path && /^https?:$/.test(path.protocol)
          ? `write the path alone, without the old site's name: ${path.pathname}${path.search}`
          : 'write the old address as a path starting with /, e.g. /2019/05/hello-world/',
    };
  }
  if (from.includes('#')) {
    return {
      problem: `${shown(from)} has a #… part, which browsers never send`,
      fix: 'remove it from # on',
    };
  }
  const at = from.indexOf('?');
  const path = pathKey(at < 0 ? from : from.slice(0, at));
  if (path === undefined) {
    return {
      problem: `${shown(from)} is not an address a browser asks for`,
      fix: 'write each part between slashes once, without //, . or .., control characters or a stray %',
    };
  }
  if (at < 0) return { key: path };
  const parameters = [...new URLSearchParams(from.slice(at + 1))];
  const [only] = parameters;
  const key = parameters.length === 1 && only ? withParameter(path, ...only) : undefined;
  if (key === undefined) {
    return {
      problem: `${shown(from)} has ${parameters.length === 1 ? 'a query that cannot be read' : `${parameters.length} query parameters`}`,
      fix: 'a redirect takes a path and at most one parameter, as WordPress’s /?p=123',
    };
  }
  return { key };
}

/** Origin nothing resolves, to tell a path on this site from an address that leaves it. */
const HERE = 'http://masthead.invalid';

/**
 * Browsers strip tabs and newlines from URLs and read `\` as `/`, so `/\t/evil.example` and
 * `/\evil.example` both leave the site; controls would also make the Location header invalid.
 * The same rule as the preview's return path (lib/content/authoring/preview.ts).
 */
const NOT_IN_TARGET = /[\p{Cc}\p{Cf}\p{Z}\\]/u;

/**
 * A redirect's `to` as the Location it becomes: a path on this site, encoded as browsers send
 * it, or undefined when it is not one, or might be read as leaving the site (`//evil.example`,
 * `/\evil.example`, `https://…`, a control character).
 */
export function sameSitePath(to: string): string | undefined {
  if (to.length > MAX_ADDRESS || !to.startsWith('/') || to.startsWith('//')) return undefined;
  if (NOT_IN_TARGET.test(to)) return undefined;
  let url: URL;
  try {
    url = new URL(to, HERE);
  } catch {
    return undefined;
  }
  // Resolving dot segments can turn `/.//evil.example` into `//evil.example`.
  const resolved = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === HERE && !resolved.startsWith('//') ? resolved : undefined;
}

/**
 * The redirect a request for this path and query matches, if any: the old address with one of
 * the request's parameters first (`/?p=123&utm_source=x` is `/?p=123`), then the path alone.
 * A Map lookup or a few: what every request pays.
 */
export function findRedirect(
  redirects: ReadonlyMap<string, string>,
  pathname: string,
  search: URLSearchParams,
): { key: string; to: string } | undefined {
  if (redirects.size === 0) return undefined;
  const path = pathKey(pathname);
  if (path === undefined) return undefined;
  let looked = 0;
  for (const [name, value] of search) {
    if (++looked > MAX_PARAMETERS) break;
    const key = withParameter(path, name, value);
    const to = key === undefined ? undefined : redirects.get(key);
    if (key !== undefined && to !== undefined) return { key, to };
  }
  const to = redirects.get(path);
  return to === undefined ? undefined : { key: path, to };
}
