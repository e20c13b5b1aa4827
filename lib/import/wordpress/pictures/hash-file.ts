import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';

/** Files up to this size are read at once: for a typical picture, far fewer trips to the disk. */
export const READ_WHOLE = 4 * 1024 * 1024;

/** SHA-256 of a file's bytes, hex; a large file is read chunk by chunk. */
export async function hashFile(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const hash = createHash('sha256');
    if ((await handle.stat()).size <= READ_WHOLE)
      return hash.update(await handle.readFile()).digest('hex');
    for await (const chunk of handle.createReadStream({ autoClose: false })) hash.update(chunk);
    return hash.digest('hex');
  } finally {
    await handle.close();
  }
}
