import { createHash, timingSafeEqual } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { siteConfig } from '../site';
import { pathSegments } from './decide';
import { routeTable, type RouteTable } from './route-table';
import { ROUTES_FILE, type RoutesFile } from './routes-file';
import { watchedFile } from './watched-file';
import { versionedFile } from '../content/store/read';

// What the proxy knows of the running site, read from the files the builds leave. Each is read
// again when it changes (the routes with every content version, the rest by lib/routing/
// watched-file.ts), so nothing here needs a restart.

const currentRoutes = versionedFile(ROUTES_FILE, (text) => JSON.parse(text) as RoutesFile);
const routesFile = () => currentRoutes()?.value;

let current: { file: RoutesFile; table: RouteTable } | undefined;

/**
 * The site as readers see it now, or undefined before the content build has run (the pages
 * then say what is missing themselves). Built again when the file changes and when a
 * scheduled article's time comes.
 */
export function siteRoutes(now = Date.now()): RouteTable | undefined {
  const file = routesFile();
  if (!file) return undefined;
  if (!current || current.file !== file || now >= current.table.validUntil) {
    current = {
      file,
      table: routeTable(file, now, siteConfig.pageSize, siteConfig.liveEntriesPerPage),
    };
  }
  return current.table;
}

/** Where Next keeps its build: `next dev` writes to a folder of its own. */
const distDir = () =>
  path.join(process.cwd(), '.next', process.env.NODE_ENV === 'production' ? '' : 'dev');

/**
 * The id Next's draft mode puts in the `__prerender_bypass` cookie: random per build, written
 * by `next build` (and by `next dev` at start) beside the server code. Next itself compares the
 * cookie with it before it treats a request as a preview; a cookie that is merely present proves
 * nothing.
 */
const previewModeId = watchedFile(
  () => path.join(distDir(), 'server', 'preview-props.json'),
  (text) => (JSON.parse(text) as { previewModeId?: unknown }).previewModeId,
  { intervalMs: 10_000 },
);

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Whether this cookie is a real editor's draft-mode cookie, compared in constant time. */
export function isPreviewCookie(cookie: string | undefined): boolean {
  const id = previewModeId();
  if (typeof id !== 'string' || id === '' || cookie === undefined) return false;
  return timingSafeEqual(digest(cookie), digest(id));
}

/**
 * Whether the path names a file in public/, which Next serves before any route. Asked only of
 * paths no route accepts, so a reader's page view never pays for it.
 */
export function isPublicFile(pathname: string): boolean {
  const segments = pathSegments(pathname);
  if (!segments || segments.length === 0) return false;
  const file = path.join(process.cwd(), 'public', ...segments);
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}
