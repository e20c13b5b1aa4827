/**
 * What a file is, from its first bytes rather than its name or the server's Content-Type:
 * both are whatever the sender says. Only the raster formats browsers show are taken.
 */
export type PictureFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif';

export type Sniffed = { ok: true; format: PictureFormat } | { ok: false; reason: string };

/**
 * Bytes read before deciding: a few tell every accepted format; the rest let a refusal say
 * what the file was (an SVG's `<svg` often follows an XML declaration and a comment).
 */
export const SNIFF_BYTES = 512;

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((byte, i) => bytes[i] === byte);

/** ISO-BMFF `ftyp` box whose major or compatible brands include AVIF (image or sequence). */
function isAvif(bytes: Uint8Array): boolean {
  if (ascii(bytes, 4, 8) !== 'ftyp') return false;
  const size =
    ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  const end = Math.min(size >>> 0, bytes.length);
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands.includes('avif') || brands.includes('avis');
}

const MARKUP = /^(?:\uFEFF)?\s*</;

/** The picture format of a file's first bytes, or why it is not one, in words for an editor. */
export function sniffPicture(head: Uint8Array): Sniffed {
  if (head.length === 0) return { ok: false, reason: 'the file is empty' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { ok: true, format: 'jpeg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { ok: true, format: 'png' };
  }
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') {
    return { ok: true, format: 'gif' };
  }
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') {
    return { ok: true, format: 'webp' };
  }
  if (isAvif(head)) return { ok: true, format: 'avif' };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).toLowerCase();
  if (MARKUP.test(text) && text.includes('<svg')) {
    return {
      ok: false,
      reason:
        'it is an SVG drawing, which can carry scripts that would run as this site: save it as PNG to keep it',
    };
  }
  if (MARKUP.test(text) && /<html|<!doctype html|<head|<body/.test(text)) {
    return {
      ok: false,
      reason:
        'the old site sent a web page instead of the picture (often an error or sign-in page)',
    };
  }
  if (MARKUP.test(text)) return { ok: false, reason: 'it is text markup, not a picture' };
  return { ok: false, reason: 'it is not a JPEG, PNG, GIF, WebP or AVIF picture' };
}
