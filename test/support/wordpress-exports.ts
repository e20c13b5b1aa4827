import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readWxr, readWxrFile } from '../../lib/import/wordpress/reader';
import type { WxrRecord } from '../../lib/import/wordpress/records';

export const FIXTURES = path.join(import.meta.dirname, '../fixtures/wordpress');

export const fixture = (name: string) => path.join(FIXTURES, name);

export const fixtureText = (name: string) => readFileSync(fixture(name), 'utf8');

/** Every record of a fixture, read through the streaming reader from the file. */
export async function readAll(name: string): Promise<WxrRecord[]> {
  const records: WxrRecord[] = [];
  for await (const record of readWxrFile(fixture(name))) records.push(record);
  return records;
}

/** Every record of an export whose bytes arrive as these chunks, in this order. */
export async function readChunks(chunks: readonly Uint8Array[]): Promise<WxrRecord[]> {
  async function* source() {
    yield* chunks;
  }
  const records: WxrRecord[] = [];
  for await (const record of readWxr(source())) records.push(record);
  return records;
}

/** Every record of an export held in a string, delivered in chunks of `chunkBytes` bytes. */
export async function readText(xml: string, chunkBytes = 64 * 1024): Promise<WxrRecord[]> {
  const bytes = Buffer.from(xml);
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += chunkBytes)
    chunks.push(bytes.subarray(at, at + chunkBytes));
  return readChunks(chunks);
}

export function ofKind<K extends WxrRecord['kind']>(
  records: WxrRecord[],
  kind: K,
): Extract<WxrRecord, { kind: K }>[] {
  return records.filter(
    (record): record is Extract<WxrRecord, { kind: K }> => record.kind === kind,
  );
}

export const items = (records: WxrRecord[]) => ofKind(records, 'item').map((record) => record.item);
