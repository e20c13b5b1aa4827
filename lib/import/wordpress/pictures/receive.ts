import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { sniffPicture, SNIFF_BYTES, type PictureFormat } from './sniff';

export type Received = { ok: true; bytes: number; sha256: string; format: PictureFormat };
export type Refused = { ok: false; reason: string };

/** A size as an editor reads it: 812 KB, 25.0 MB, 5.0 GB. */
export function readableSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/**
 * Writes a picture's bytes to `file` (which must not exist yet) as they arrive, never holding
 * more than one chunk: refused as soon as the first bytes show it is not a picture, or the
 * moment it passes `maxBytes`, and the partial file removed. Errors of the source (a reset
 * connection) are thrown after the same clean-up.
 */
export async function receive(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  maxBytes: number,
): Promise<Received | Refused> {
  const handle = await open(file, 'wx');
  const hash = createHash('sha256');
  let head: Uint8Array[] = [];
  let headBytes = 0;
  let format: PictureFormat | null = null;
  let bytes = 0;
  let kept = false;
  const refuse = (reason: string): Refused => ({ ok: false, reason });

  /** Judges the first bytes, then writes them: the format, or why it is refused. */
  const start = async (): Promise<PictureFormat | Refused> => {
    const first = Buffer.concat(head);
    const sniffed = sniffPicture(first);
    if (!sniffed.ok) return refuse(sniffed.reason);
    await handle.write(first);
    head = [];
    return sniffed.format;
  };

  try {
    for await (const chunk of chunks) {
      bytes += chunk.length;
      if (bytes > maxBytes)
        return refuse(`it is larger than the limit of ${readableSize(maxBytes)}`);
      hash.update(chunk);
      if (format) {
        await handle.write(chunk);
        continue;
      }
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes >= SNIFF_BYTES) {
        const started = await start();
        if (typeof started !== 'string') return started;
        format = started;
      }
    }
    if (!format) {
      const started = await start();
      if (typeof started !== 'string') return started;
      format = started;
    }
    kept = true;
    return { ok: true, bytes, sha256: hash.digest('hex'), format };
  } finally {
    await handle.close();
    if (!kept) await unlink(file).catch(() => undefined);
  }
}

/**
 * `receive` for bytes already read whole (a picture from the uploads copy): the same checks,
 * then one synchronous write to `file` (which must not exist yet), removed if that fails.
 */
export function receiveWhole(bytes: Buffer, file: string, maxBytes: number): Received | Refused {
  if (bytes.length > maxBytes) {
    return { ok: false, reason: `it is larger than the limit of ${readableSize(maxBytes)}` };
  }
  const sniffed = sniffPicture(bytes);
  if (!sniffed.ok) return { ok: false, reason: sniffed.reason };
  try {
    writeFileSync(file, bytes, { flag: 'wx' });
  } catch (error) {
    // Not when another file was there already: that one is not ours to remove.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(file, { force: true });
    throw error;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ok: true, bytes: bytes.length, sha256, format: sniffed.format };
}
