import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { WxrRecord } from '../records';
import type { WxrItem } from '../schema';

/** Bytes before each item: its length. */
const HEADER = 4;

/**
 * The export's posts and pages, kept by pass 1 for pass 2 in V8's own serialization, in the
 * staging folder: reading them back costs a tenth of parsing the XML again (the bench export:
 * 0.44 s against 5.5-6.8 s, on the importer's thread, which converts bodies too), and the
 * strict parse, with its line and column for a refusal, has been done once already. On disk,
 * not in memory: memory still holds one item at a time whatever the size of the export.
 */
export class ItemSpool {
  private fd: number | null;

  constructor(private readonly file: string) {
    // A file of this run's own staging folder; `wx`: never one left by anything else.
    this.fd = openSync(file, 'wx', 0o600);
  }

  /** The records, passed through as they come, each post and page written down on the way. */
  async *keep(records: AsyncIterable<WxrRecord>): AsyncGenerator<WxrRecord> {
    for await (const record of records) {
      if (record.kind === 'item' && isPostOrPage(record.item)) this.write(record.item);
      yield record;
    }
    this.closeWriting();
  }

  /** The posts and pages in the order the export has them (duplicates too), one at a time. */
  async *items(): AsyncGenerator<WxrItem> {
    this.closeWriting();
    let rest: Buffer = Buffer.alloc(0);
    for await (const chunk of createReadStream(this.file, { highWaterMark: 1 << 20 })) {
      const buffer: Buffer = rest.length > 0 ? Buffer.concat([rest, chunk as Buffer]) : chunk;
      let at = 0;
      while (buffer.length - at >= HEADER) {
        const length = buffer.readUInt32LE(at);
        if (buffer.length - at - HEADER < length) break;
        yield deserialize(buffer.subarray(at + HEADER, at + HEADER + length)) as WxrItem;
        at += HEADER + length;
      }
      rest = buffer.subarray(at);
    }
    if (rest.length > 0) throw new Error(`${this.file}: the spool ends inside an item`);
  }

  private write(item: WxrItem): void {
    if (this.fd === null) throw new Error('the spool was closed before the export was read');
    const body = serialize(item);
    const header = Buffer.alloc(HEADER);
    header.writeUInt32LE(body.length);
    writeAll(this.fd, header);
    writeAll(this.fd, body);
  }

  private closeWriting(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }

  /** Lets the file go (the staging folder, removed at the end, takes it). */
  close(): void {
    this.closeWriting();
  }
}

const isPostOrPage = (item: WxrItem) => item.postType === 'post' || item.postType === 'page';

/** `writeSync` may write less than it is given; a file gets all of it or an error. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at);
}
