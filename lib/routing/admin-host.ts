import type { AdminOriginSetting } from '../security/secret-settings';

/**
 * With ADMIN_ORIGIN set, the site answers on two hosts: the public one, where articles and their
 * scripts run, and the admin one, where a moderator's session cookie lives (host-only, since it
 * has no Domain attribute). Neither answers the other's pages, so no script a public page carries
 * ever runs where that cookie would be sent (docs/decisions/019).
 *
 * - `public`: carry on as without ADMIN_ORIGIN (the route table decides).
 * - `admin`: on the admin host, an admin path or a preview: the route table decides, and what it
 *   refuses gets the admin host's 404.
 * - `not-found`: the site's ordinary 404, as for any address that names nothing.
 * - `admin-not-found`: a 404 with no script at all: the admin host renders no public page.
 * - `to-admin`: the admin host's bare address, sent on to the moderation queue.
 */
export type HostDecision = 'public' | 'admin' | 'not-found' | 'admin-not-found' | 'to-admin';

/** The admin area and the preview switch: they answer only on the admin host. */
export function isAdminPath(pathname: string): boolean {
  return (
    pathname === '/admin' ||
    pathname.startsWith('/admin/') ||
    pathname === '/api/preview' ||
    pathname.startsWith('/api/preview/')
  );
}

/**
 * Files a page on the admin host loads from outside `_next/` (which the proxy never sees): the
 * site's icons, and files in public/ such as the pictures of a previewed article.
 */
const ADMIN_HOST_ASSETS = new Set(['/icon.png', '/apple-icon.png']);

/** A name, an IPv4 address or a bracketed IPv6 address, and an optional port: nothing else. */
const HOST_HEADER = /^([a-z0-9.-]{1,253}|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i;

/**
 * The host name a request was sent to, in lower case, from its `Host` header (which nginx sets,
 * `proxy_set_header Host $host`, and a browser's script cannot), or undefined when the header is
 * absent or is not a host. The port is left out: nginx's `$host` has none, and cookies are kept
 * per host, not per port. A trailing dot is kept, so `admin.example.org.` is another host (and,
 * to a browser, another origin with other cookies). `X-Forwarded-Host` is never read: a page's
 * script may set it on its own requests.
 */
export function requestHostname(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const match = HOST_HEADER.exec(header);
  return match ? (match[1] ?? '').toLowerCase() : undefined;
}

export type HostRequest = {
  pathname: string;
  /** The Host header as received. */
  host: string | null;
  /**
   * Whether the request carries this build's draft-mode cookie (lib/routing/site-routes.ts);
   * asked only with ADMIN_ORIGIN set, so readers' requests never pay for the comparison.
   */
  preview: () => boolean;
  /** Whether the path names a file in public/, asked only when it matters (a file-system look). */
  isPublicFile: (pathname: string) => boolean;
};

/**
 * Where the request may be answered, decided before any render. An ADMIN_ORIGIN that did not
 * parse shuts the admin area and preview everywhere: the server refuses to start with it
 * (instrumentation.ts), and a proxy that guessed would guess open.
 */
export function decideHost(request: HostRequest, setting: AdminOriginSetting): HostDecision {
  if (setting.state === 'off') return 'public';
  const adminRequest = isAdminPath(request.pathname) || request.preview();
  if (setting.state === 'invalid') return adminRequest ? 'not-found' : 'public';
  const onAdminHost = requestHostname(request.host) === setting.hostname;
  if (!onAdminHost) return adminRequest ? 'not-found' : 'public';
  if (adminRequest) return 'admin';
  if (request.pathname === '/') return 'to-admin';
  if (ADMIN_HOST_ASSETS.has(request.pathname) || request.isPublicFile(request.pathname)) {
    return 'admin';
  }
  return 'admin-not-found';
}
