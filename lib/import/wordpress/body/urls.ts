import { refusedScheme } from '@/lib/content/mdx/safe-url';

/** Files a link can point at that are pictures the importer brings across (not SVG: it can hold scripts). */
const PICTURE_FILE = /\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|heic)$/i;

/** What an address in the body becomes on this site. */
export type Address =
  | { kind: 'refused'; scheme: string }
  | { kind: 'unusable' }
  /** On this site: a path (an old address of the site, which the redirects answer) or a fragment. */
  | { kind: 'site'; path: string }
  | { kind: 'elsewhere'; url: string };

const hostOf = (url: URL) => url.hostname.toLowerCase().replace(/^www\./, '');

/** Stands for the old site when the export gives no usable address: relative links are its own. */
const UNKNOWN_SITE = new URL('http://old-site.invalid/');

function siteBase(siteUrl: string): URL | null {
  try {
    const base = new URL(siteUrl.trim());
    return base.protocol === 'http:' || base.protocol === 'https:' ? base : null;
  } catch {
    return null;
  }
}

/**
 * Resolves an address written in a post the way a browser on the old site would (relative to
 * the site, `//host` as https), and says what it is here. Refused schemes (javascript:, data:,
 * …) are named, so the caller can report them; the result is always WHATWG-serialised, so it
 * holds no spaces or brackets that Markdown or MDX would read.
 */
export function resolveAddress(raw: string, siteUrl: string): Address {
  // Browsers drop tabs and newlines anywhere in a URL (safe-url.ts reads schemes the same way).
  const written = raw.replace(/[\t\n\r]/g, '').trim();
  if (written === '') return { kind: 'unusable' };
  const scheme = refusedScheme(written);
  if (scheme) return { kind: 'refused', scheme };
  if (written.startsWith('#')) {
    const fragment = new URL(`http://x/${written}`).hash;
    return fragment.length > 1 ? { kind: 'site', path: fragment } : { kind: 'unusable' };
  }
  const base = siteBase(siteUrl) ?? UNKNOWN_SITE;
  let url: URL;
  try {
    url = new URL(written.startsWith('//') ? `https:${written}` : written, base);
  } catch {
    return { kind: 'unusable' };
  }
  if (url.protocol === 'mailto:' || url.protocol === 'tel:')
    return { kind: 'elsewhere', url: url.href };
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'unusable' };
  if (hostOf(url) === hostOf(base)) {
    return { kind: 'site', path: `${url.pathname}${url.search}${url.hash}` };
  }
  return { kind: 'elsewhere', url: url.href };
}

/** The absolute address of something on the old site or elsewhere, for fetching or linking to. */
export function absoluteAddress(raw: string, siteUrl: string): string | null {
  const address = resolveAddress(raw, siteUrl);
  if (address.kind === 'elsewhere') return address.url.startsWith('http') ? address.url : null;
  if (address.kind !== 'site' || address.path.startsWith('#')) return null;
  const base = siteBase(siteUrl);
  return base ? new URL(address.path, base).href : null;
}

export const isPictureFile = (url: string) => {
  try {
    return PICTURE_FILE.test(new URL(url).pathname);
  } catch {
    return false;
  }
};

/** WordPress's uploads: files the importer does not bring across unless they are pictures. */
export const isUpload = (path: string) => /^\/(?:[^?#]*\/)?wp-content\/uploads\//.test(path);

/** The last part of a file's address, readable: "Interview%20one.mp3" → "Interview one.mp3". */
export function fileName(url: string): string {
  let name = '';
  try {
    name = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  } catch {
    return url;
  }
  try {
    name = decodeURIComponent(name);
  } catch {
    // A malformed escape: the name as written reads well enough.
  }
  return name || url;
}
