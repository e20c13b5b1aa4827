import { decideRoute, pathSegments } from '../../routing/decide';
import type { RouteTable } from '../../routing/route-table';
import type { Finding } from '../build/findings';
import { findRedirect, fromKey, sameSitePath, shown } from './addresses';
import type { RedirectEntry } from './parse';

/** The site as the version being built will have it: what a redirect may lead to, or hide. */
export type RedirectSite = {
  routes: RouteTable;
  /** Whether public/<path> is a file (`/images/a.jpg`), for pictures' old addresses. */
  publicFileExists: (path: string) => boolean;
};

/** What the proxy loads with the content version: old address key → Location. */
export type RedirectsFile = { redirects: [string, string][] };

type Accepted = { entry: RedirectEntry; key: string; to: string };

/** Redirects followed from one before the check gives up: a longer chain is a mistake itself. */
const MAX_HOPS = 10;

/** An origin nothing resolves, to take a path apart. */
const HERE = 'http://masthead.invalid';

/** `/a/b%20c` as public/ names the file: `/a/b c`; undefined when it names none. */
const publicPath = (pathname: string) => {
  const segments = pathSegments(pathname);
  return segments && segments.length > 0 ? `/${segments.join('/')}` : undefined;
};

/** Whether the proxy, which runs before everything but Next's own files, would see this key. */
const nextOwn = (key: string) => /^\/(?:_next(?:\/|$)|__nextjs)/.test(key);

/**
 * Every redirect of content/redirects/ against the site it will be part of: `from` an old
 * address the site does not answer itself, said once; `to` a path on this site (never off it)
 * that is a page the site has, and not another redirect (a chain) or back to itself (a loop).
 * Returns what to tell the editor, each with file and line, and the redirects the proxy will
 * answer (those without an error).
 */
export function checkRedirects(
  entries: RedirectEntry[],
  site: RedirectSite,
): { findings: Finding[]; file: RedirectsFile } {
  const findings: Finding[] = [];
  const at = (
    entry: RedirectEntry,
    field: 'from' | 'to',
    problem: string,
    fix: string,
    severity: Finding['severity'] = 'error',
  ) =>
    findings.push({
      file: entry.file,
      line: field === 'from' ? entry.fromLine : entry.toLine,
      field,
      problem,
      fix,
      severity,
    });

  const accepted = new Map<string, Accepted>();
  for (const entry of entries) {
    const from = fromKey(entry.from);
    const to = sameSitePath(entry.to);
    if ('problem' in from) at(entry, 'from', from.problem, from.fix);
    if (to === undefined) {
      at(
        entry,
        'to',
        `${shown(entry.to)} is not a path on this site`,
        'write a path starting with a single /, e.g. /world/a-story: a redirect never leads off the site',
      );
    }
    if (!('key' in from) || to === undefined) continue;
    const { key } = from;
    const earlier = accepted.get(key);
    if (earlier) {
      at(
        entry,
        'from',
        `${shown(entry.from)} is already redirected in ${earlier.entry.file}:${earlier.entry.fromLine}`,
        'keep one of the two (addresses match in any case, with or without the / at the end)',
      );
      continue;
    }
    if (!key.includes('?')) {
      const own = nextOwn(key)
        ? 'a file of Next’s own'
        : decideRoute(key, site.routes) !== 'not-found'
          ? 'an address this site answers itself'
          : [entry.from.split('?')[0] ?? '', key].some((p) => {
                const file = publicPath(p);
                return file !== undefined && site.publicFileExists(file);
              })
            ? 'a file in public/'
            : undefined;
      if (own) {
        at(
          entry,
          'from',
          `${shown(entry.from)} is ${own}`,
          'remove this redirect: it would hide what is there',
        );
        continue;
      }
    }
    accepted.set(key, { entry, key, to });
  }

  const redirects = new Map([...accepted].map(([key, { to }]) => [key, to]));
  const fromOf = (key: string) => shown(accepted.get(key)?.entry.from ?? key);
  for (const { entry, key, to } of accepted.values()) {
    const target = new URL(to, HERE);
    // Where following `to` leads, one redirect after another, for a few at most: each redirect
    // is followed this way, and a chain through thousands would make the check quadratic.
    const way = [key];
    const visited = new Set(way);
    let next = findRedirect(redirects, target.pathname, target.searchParams);
    let last = to;
    while (next && !visited.has(next.key) && way.length <= MAX_HOPS) {
      visited.add(next.key);
      way.push(next.key);
      last = next.to;
      const url = new URL(next.to, HERE);
      next = findRedirect(redirects, url.pathname, url.searchParams);
    }
    if (next?.key === key && way.length === 1) {
      at(
        entry,
        'to',
        `${shown(entry.to)} leads back to ${shown(entry.from)}`,
        'remove this redirect: addresses match in any case, with or without the / at the end',
      );
    } else if (next?.key === key) {
      at(
        entry,
        'to',
        `${shown(entry.to)} is redirected back here (${[...way, key].map(fromOf).join(' → ')})`,
        'remove one of these redirects',
      );
    } else if (next && visited.has(next.key)) {
      at(
        entry,
        'to',
        `${shown(entry.to)} leads into redirects that go round in a circle`,
        'fix those first',
      );
    } else if (next) {
      at(
        entry,
        'to',
        `${shown(entry.to)} leads through more than ${MAX_HOPS} redirects`,
        'point each old address at the page itself',
      );
    } else if (way.length > 1) {
      at(entry, 'to', `${shown(entry.to)} is itself redirected, to ${last}`, `write to: ${last}`);
    }
    if (next || way.length > 1) continue;
    const decision = decideRoute(target.pathname, site.routes);
    if (decision === 'allow') continue;
    const file = publicPath(target.pathname);
    if (file !== undefined && site.publicFileExists(file)) continue;
    const bare =
      target.pathname.length > 1 && target.pathname.endsWith('/')
        ? target.pathname.slice(0, -1)
        : undefined;
    at(
      entry,
      'to',
      decision === 'preview'
        ? `${shown(entry.to)} is a draft, or not published yet`
        : `${shown(entry.to)} is not a page this site has`,
      decision === 'preview'
        ? 'readers following it find nothing until it is published'
        : bare && decideRoute(bare, site.routes) === 'allow'
          ? `write it without the / at the end: ${bare}${target.search}`
          : 'check the address: readers following it find nothing there',
      'warning',
    );
  }
  return { findings, file: { redirects: [...redirects] } };
}
