import { createHash } from 'node:crypto';

/** SHA-256 of a stream's bytes, hex, read chunk by chunk. */
export async function hashFile(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of chunks) hash.update(chunk);
  return hash.digest('hex');
}
