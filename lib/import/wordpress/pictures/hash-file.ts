import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Files up to this size are read at once: for a typical picture, far fewer trips to the disk. */
export const READ_WHOLE = 4 * 1024 * 1024;

/** SHA-256 of a file's bytes, hex; a large file is read chunk by chunk. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  // Synchronous for a typical picture: on the picture threads nothing else waits for the
  // thread, and one call is a fraction of the cost of four trips through libuv's threads.
  if (statSync(file).size <= READ_WHOLE) return hash.update(readFileSync(file)).digest('hex');
  const handle = await open(file, 'r');
  try {
    for await (const chunk of handle.createReadStream({ autoClose: false })) hash.update(chunk);
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}
