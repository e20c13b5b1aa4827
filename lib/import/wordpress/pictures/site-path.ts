import { createHash } from 'node:crypto';
import { parsePictureUrl, uploadsRest, type UploadsRoot } from './uploads-url';

/** Where imported pictures live, under public/ (the site path is the same without `public`). */
export const PICTURES_BASE = '/images/wordpress';

/**
 * Raster formats every browser shows and next/image optimises. SVG is not among them: a
 * drawing can carry scripts, which would run as this site when a reader opened the file.
 */
export const PICTURE_EXTENSIONS: ReadonlySet<string> = new Set([
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'avif',
]);

/** Deeper than any uploads folder (`sites/2/2019/05/a.jpg` is five). */
const MAX_SEGMENTS = 16;
/** Characters kept of one folder or file name, well inside every file system's 255 bytes. */
const MAX_NAME = 120;
/** The suffix a changed name carries; a name that already looks like one is changed too. */
const HASH_CHARS = 12;
const HASHED = new RegExp(`-[0-9a-f]{${HASH_CHARS}}$`);

const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * The site path a picture URL will have (`/images/wordpress/2019/05/a.jpg`), or null when the
 * URL is not a picture in the old site's media library (another site's picture, a page, a PDF,
 * an SVG). Pure: the same URL always gives the same path.
 *
 * - Every address of the site's uploads counts: http and https, with and without `www.`,
 *   protocol-relative (`//site/…`) and root-relative (`/wp-content/uploads/…`), a site in a
 *   subdirectory, a WordPress.com blog's files host, and `extraRoots` (see `uploadsRootsOf`).
 * - Size variants (`a-300x200.jpg`) keep their own name: a body that showed the 300-pixel copy
 *   gets that copy, which is what a plain `<img>` should load; the hero takes the attachment's
 *   own URL, full size, and next/image resizes it.
 * - Names are made safe: percent-encoding decoded, then accents dropped and every character
 *   outside `A-Z a-z 0-9 . _ -` (controls, bidi and zero-width characters, spaces, slashes)
 *   replaced, no `..`, no leading dot or hyphen. A name that had to change gets a hash of the
 *   original path (`caf-de-flore-3f2a1c9b8e7d.jpg`), so two different originals never share a
 *   path, and a safe name never changes.
 */
export function sitePathFor(
  url: string,
  siteUrl: string,
  extraRoots: readonly UploadsRoot[] = [],
): string | null {
  const parsed = parsePictureUrl(url, siteUrl);
  const rest = parsed && uploadsRest(parsed, siteUrl, extraRoots);
  if (!rest) return null;
  const original = uploadsRelativePath(rest);
  if (!original) return null;
  const name = original.at(-1) ?? '';
  const dot = name.lastIndexOf('.');
  const extension = name.slice(dot + 1);
  if (dot <= 0 || !PICTURE_EXTENSIONS.has(extension.toLowerCase())) return null;

  const folders = original.slice(0, -1).map((folder) => safeName(folder) || '_');
  const base = safeName(name.slice(0, dot)) || 'picture';
  const unchanged =
    folders.every((folder, i) => folder === original[i]) &&
    base === name.slice(0, dot) &&
    !HASHED.test(base);
  const file = unchanged
    ? name
    : `${base}-${createHash('sha256').update(original.join('/')).digest('hex').slice(0, HASH_CHARS)}.${extension}`;
  return `${PICTURES_BASE}/${[...folders, file].join('/')}`;
}

/**
 * The decoded segments after the uploads root (`['2019', '05', 'a b.jpg']`), as the names in a
 * copy of wp-content/uploads; null when there are none or too many. Empty segments (`2019//05`)
 * are dropped, as a web server would. A segment that is not valid percent-encoding is kept as
 * written.
 */
export function uploadsRelativePath(rest: string): string[] | null {
  const segments = rest
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
  return segments.length === 0 || segments.length > MAX_SEGMENTS ? null : segments;
}

function safeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .slice(0, MAX_NAME)
    .replace(/^[.-]+|[.-]+$/g, '');
}

/** Whether a path is one `sitePathFor` could have made: checked again before any file is written. */
export function isSitePath(sitePath: string): boolean {
  if (!sitePath.startsWith(`${PICTURES_BASE}/`) || sitePath.includes('..')) return false;
  const segments = sitePath.slice(PICTURES_BASE.length + 1).split('/');
  const name = segments.at(-1) ?? '';
  return (
    segments.length <= MAX_SEGMENTS &&
    segments.every((segment) => SAFE_SEGMENT.test(segment)) &&
    PICTURE_EXTENSIONS.has(name.slice(name.lastIndexOf('.') + 1).toLowerCase())
  );
}
