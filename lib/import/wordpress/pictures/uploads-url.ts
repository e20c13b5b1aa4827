/**
 * Where a picture URL sits in the old site's media library. WordPress serves its uploads from
 * `<site>/wp-content/uploads/`, a WordPress.com blog from `<blog>.files.wordpress.com/`, and a
 * site that offloaded its media (a CDN, S3) from wherever its attachments say; every one of
 * those places is an "uploads root", and what follows the root (`2019/05/a.jpg`) is the same
 * path in each, and in the copy of wp-content/uploads an editor hands to --uploads.
 */

/** Longer than any picture address WordPress writes; anything longer is refused unread. */
export const MAX_URL_CHARS = 4_096;

/** A place the site's uploads are served from, compared without scheme or `www.`. */
export type UploadsRoot = { host: string; port: string; prefix: string };

export const UPLOADS_DIR = '/wp-content/uploads/';
const WPCOM_BLOG = /^([a-z0-9-]+)\.wordpress\.com$/;
const WPCOM_FILES = /\.files\.wordpress\.com$/;
/** uploads_use_yearmonth_folders, WordPress's default: …/2019/05/a.jpg */
const YEAR_MONTH = /^(.*\/)\d{4}\/\d{2}\/[^/]+$/;

const bareHost = (hostname: string) => hostname.toLowerCase().replace(/^www\./, '');

/** The URL as an absolute http(s) address, or null: relative forms resolve against the site. */
export function parsePictureUrl(raw: string, siteUrl: string): URL | null {
  const text = raw.trim();
  if (text === '' || text.length > MAX_URL_CHARS) return null;
  const site = parseSite(siteUrl);
  let url: URL;
  try {
    if (text.startsWith('//')) url = new URL(`${site?.protocol ?? 'https:'}${text}`);
    else if (text.startsWith('/')) url = new URL(text, site?.origin ?? 'http://old-site.invalid');
    else url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // `http://site@elsewhere/` reads as the site to a person and as elsewhere to a browser.
  if (url.username !== '' || url.password !== '') return null;
  return url;
}

export function parseSite(siteUrl: string): URL | null {
  try {
    const url = new URL(siteUrl.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The roots every WordPress site has: its own wp-content/uploads, and WordPress.com's. */
export function siteRoots(siteUrl: string): UploadsRoot[] {
  const site = parseSite(siteUrl);
  if (!site) return [];
  const host = bareHost(site.hostname);
  const roots: UploadsRoot[] = [{ host, port: site.port, prefix: UPLOADS_DIR }];
  // A WordPress.com blog's uploads are on its files host, at the root; some exports name that
  // host as the site itself (WordPress's importer has one as a test).
  const blog = WPCOM_BLOG.exec(host)?.[1];
  if (blog && blog !== 'files') {
    roots.push({ host: `${blog}.files.wordpress.com`, port: '', prefix: '/' });
  }
  if (WPCOM_FILES.test(host)) roots.push({ host, port: site.port, prefix: '/' });
  return roots;
}

/** The root a URL's path falls under, for a root whose prefix may sit below the site's path. */
function restUnder(url: URL, root: UploadsRoot): string | null {
  if (bareHost(url.hostname) !== root.host || url.port !== root.port) return null;
  if (root.prefix === UPLOADS_DIR) {
    // A site in a subdirectory (example.com/news/wp-content/uploads/) has the same root.
    const at = url.pathname.indexOf(UPLOADS_DIR);
    return at === -1 ? null : url.pathname.slice(at + UPLOADS_DIR.length);
  }
  return url.pathname.startsWith(root.prefix) ? url.pathname.slice(root.prefix.length) : null;
}

/**
 * What follows the uploads root in a picture's URL, still percent-encoded (`2019/05/a%20b.jpg`),
 * or null when the URL is not in the site's media library. Query and fragment never count: a
 * `?ver=2` or `?resize=300,200` names the same file.
 */
export function uploadsRest(
  url: URL,
  siteUrl: string,
  extraRoots: readonly UploadsRoot[] = [],
): string | null {
  for (const root of [...siteRoots(siteUrl), ...extraRoots]) {
    const rest = restUnder(url, root);
    if (rest !== null && rest !== '') return rest;
  }
  // A root-relative URL in an export whose site address is missing still names its uploads.
  if (!parseSite(siteUrl) && url.hostname === 'old-site.invalid') {
    const at = url.pathname.indexOf(UPLOADS_DIR);
    if (at !== -1) return url.pathname.slice(at + UPLOADS_DIR.length) || null;
  }
  return null;
}

/** More roots than any real site has: a hostile export cannot make the list unbounded. */
export const MAX_EXTRA_ROOTS = 50;

/**
 * Uploads roots other than the site's own, read from its attachments' URLs (`<wp:attachment_url>`):
 * a newsroom whose media moved to a CDN or S3 exports attachment URLs there, and those pictures
 * are as much its own as any. A root is recognised by wp-content/uploads in the path, a
 * WordPress.com files host, or WordPress's year/month folders (`…/media/2019/05/a.jpg`).
 */
export function uploadsRootsOf(attachmentUrls: Iterable<string>, siteUrl: string): UploadsRoot[] {
  const found = new Map<string, UploadsRoot>();
  for (const raw of attachmentUrls) {
    if (found.size >= MAX_EXTRA_ROOTS) break;
    const url = parsePictureUrl(raw, siteUrl);
    if (!url || uploadsRest(url, siteUrl) !== null) continue;
    const root = rootOf(url);
    if (root) found.set(`${root.host}:${root.port}${root.prefix}`, root);
  }
  return [...found.values()];
}

function rootOf(url: URL): UploadsRoot | null {
  const host = bareHost(url.hostname);
  const at = url.pathname.indexOf(UPLOADS_DIR);
  if (at !== -1) return { host, port: url.port, prefix: UPLOADS_DIR };
  if (WPCOM_FILES.test(host)) return { host, port: url.port, prefix: '/' };
  const folder = YEAR_MONTH.exec(url.pathname)?.[1];
  return folder ? { host, port: url.port, prefix: folder } : null;
}
