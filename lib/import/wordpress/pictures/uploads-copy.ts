import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { READ_WHOLE } from './hash-file';
import { readableSize, receive, type Received, type Refused } from './receive';

const within = (root: string, candidate: string) => {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

const OUTSIDE = 'its address leads outside the uploads copy, which an import never reads';

/** A name that is itself a path (`..`, `a/b`, a NUL) is refused before the disk is asked. */
const unsafeSegment = (segment: string) =>
  segment === '.' || segment === '..' || /[/\\\0]/.test(segment);

/**
 * The real file a picture's uploads path names inside `uploadsDir`, or why there is none. The
 * path is resolved with every link followed and must still be inside the copy, so neither
 * `../` in an address nor a symbolic link in the copy can read another file. A copy made on a
 * Mac may hold names in the other Unicode normal form; both are tried. `root` is the copy's
 * real path (`uploadsRoot`).
 */
export async function findInUploads(
  root: string,
  segments: readonly string[],
): Promise<{ ok: true; file: string; bytes: number } | Refused> {
  if (segments.some(unsafeSegment)) return { ok: false, reason: OUTSIDE };
  const forms = [
    ...new Set(['NFC', 'NFD'].map((form) => segments.map((s) => s.normalize(form)).join('/'))),
  ];
  for (const relative of [segments.join('/'), ...forms]) {
    const candidate = path.join(root, relative);
    if (!within(root, candidate)) return { ok: false, reason: OUTSIDE };
    let real: string;
    try {
      real = await realpath(candidate);
    } catch {
      continue;
    }
    if (!within(root, real)) {
      return {
        ok: false,
        reason:
          'in the uploads copy it is a link to a file outside the copy, which an import never reads',
      };
    }
    const info = await stat(real).catch(() => null);
    if (!info?.isFile()) return { ok: false, reason: 'in the uploads copy it is not a file' };
    return { ok: true, file: real, bytes: info.size };
  }
  return { ok: false, reason: `the uploads copy has no file ${printable(segments.join('/'))}` };
}

/** A name from an export as report text: controls and bidi or zero-width characters shown as codes. */
export const printable = (text: string) =>
  text.replace(
    /[\p{Cc}\p{Cf}]/gu,
    (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`,
  );

/** The uploads copy's real path, or an error an editor can act on: it is the command's argument. */
export async function uploadsRoot(uploadsDir: string): Promise<string> {
  const root = await realpath(uploadsDir).catch(() => null);
  const info = root ? await stat(root) : null;
  if (!root || !info?.isDirectory()) {
    throw new Error(
      `--uploads ${uploadsDir}: no such folder (give the copy of wp-content/uploads)`,
    );
  }
  return root;
}

/** Copies a picture from the uploads copy into `file`, with the same checks as a download. */
export async function copyFromUploads(
  found: { file: string; bytes: number },
  file: string,
  maxBytes: number,
): Promise<Received | Refused> {
  if (found.bytes > maxBytes) {
    return {
      ok: false,
      reason: `it is ${readableSize(found.bytes)}, larger than the limit of ${readableSize(maxBytes)}`,
    };
  }
  try {
    // A typical picture in one read: far fewer trips to the disk than a stream's.
    const chunks =
      found.bytes <= READ_WHOLE
        ? (async function* () {
            yield await readFile(found.file);
          })()
        : createReadStream(found.file);
    return await receive(chunks, file, maxBytes);
  } catch (error) {
    return {
      ok: false,
      reason: `it could not be read from the uploads copy (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    };
  }
}
