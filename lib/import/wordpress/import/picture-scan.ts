/**
 * A quick look through a body for the pictures it will need, before it is converted: every
 * address ending in a picture's extension (in `src`, `href`, `srcset`, lazy-loading
 * attributes, block attributes, bare text), and the attachments a gallery or an image block
 * names by id. It errs on the side of more: a picture fetched and not used costs a file, a
 * picture missed is a picture lost. Reads at most `MAX_SCAN` characters of a body.
 */
const PICTURE_ADDRESS =
  /(?:https?:)?(?:\/\/[^\s"'<>()\\[\]{}]+)?\/[^\s"'<>()\\[\]{}]*?\.(?:jpe?g|png|gif|webp|avif)(?:\?[^\s"'<>()\\[\]{}]*)?(?=[\s"'<>()\\[\]{},]|$)/gi;

/** `[gallery ids="1,2,3"]`, `[gallery include="…"]`. */
const GALLERY_IDS = /\b(?:ids|include)\s*=\s*["']?([\d,\s]{1,20000})/g;
/** `<!-- wp:image {"id":12} -->`, `<!-- wp:gallery {"ids":[1,2]} -->`, `wp-image-12`. */
const BLOCK_ID =
  /"id"\s*:\s*(\d{1,15})|"ids"\s*:\s*\[([\d,\s]{1,20000})\]|\bwp-image-(\d{1,15})\b/g;

export const MAX_SCAN = 32 * 1024 * 1024;

const HTML_ESCAPED_SLASH = /\\\//g;

/** The picture addresses a body names, and the attachments (by id) it shows. */
export function scanPictures(html: string): { urls: string[]; ids: number[] } {
  const text = html.slice(0, MAX_SCAN).replace(HTML_ESCAPED_SLASH, '/').replace(/&amp;/g, '&');
  const found = new Set<string>();
  for (const match of text.matchAll(PICTURE_ADDRESS)) found.add(match[0]);
  const ids = new Set<number>();
  for (const match of text.matchAll(GALLERY_IDS)) {
    for (const id of (match[1] ?? '').split(','))
      if (/^\s*\d{1,15}\s*$/.test(id)) ids.add(Number(id));
  }
  for (const match of text.matchAll(BLOCK_ID)) {
    const list = match[1] ?? match[3] ?? match[2] ?? '';
    for (const id of list.split(',')) if (/^\s*\d{1,15}\s*$/.test(id)) ids.add(Number(id));
  }
  return { urls: [...found], ids: [...ids] };
}
