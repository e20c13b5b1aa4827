import { createReadStream } from 'node:fs';
import { decodeChunks } from './decode';
import { WxrReadError } from './errors';
import { toRecord, type WxrRecord } from './records';
import { firstIssue, siteSchema } from './schema';
import { WxrXmlStream } from './xml-stream';

const SITE_FIELDS: Readonly<Record<string, string>> = {
  title: 'title',
  link: 'link',
  description: 'description',
  language: 'language',
  'wp:wxr_version': 'wxrVersion',
  'wp:base_site_url': 'baseSiteUrl',
  'wp:base_blog_url': 'baseBlogUrl',
};

/**
 * Reads a WordPress export (WXR 1.0, 1.1, 1.2) as a stream and yields its site description
 * first, then every author, category, tag, term and item in file order, each validated and
 * bounded (schema.ts, limits.ts); a record that fails is yielded as `rejected` with its line,
 * WordPress id and reason, and the reading goes on.
 *
 * The whole file is never in memory: only the record being read. The price of streaming is
 * that a file broken near its end has already yielded its beginning, so a caller must not
 * treat anything as imported until the generator has finished without throwing.
 *
 * Throws WxrReadError: `malformed` (not well-formed XML, with line and column), `not-wxr`
 * (an RSS feed, an HTML page, or no valid `<wp:wxr_version>`, as WordPress's importer
 * refuses it), `encoding`, or `too-large` (a bound in limits.ts broken outside any record).
 */
export async function* readWxr(
  source: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<WxrRecord> {
  const site: Record<string, string> = {};
  const queue: WxrRecord[] = [];
  let siteDone = false;

  const finishSite = (): void => {
    if (siteDone) return;
    siteDone = true;
    const parsed = siteSchema.safeParse(site);
    if (!parsed.success) {
      const version = site.wxrVersion;
      const reason =
        version === undefined
          ? 'it has no <wp:wxr_version>'
          : !/^\d+\.\d+$/.test(version.trim())
            ? `its <wp:wxr_version> is "${version.trim().slice(0, 20)}", not a version like 1.2`
            : `its channel's ${firstIssue(parsed.error)}`;
      throw new WxrReadError('not-wxr', `this is not a WordPress export: ${reason}.`);
    }
    queue.push({ kind: 'site', site: parsed.data });
  };

  const stream = new WxrXmlStream({
    header(key, value) {
      const field = SITE_FIELDS[key];
      // The first of each wins, as in WordPress's parsers; fields after the first record are ignored.
      if (field !== undefined && !siteDone && site[field] === undefined) site[field] = value;
    },
    recordStart: finishSite,
    record(element, line, overflow) {
      const record = toRecord(element, line, overflow);
      if (record) queue.push(record);
    },
  });

  for await (const text of decodeChunks(source)) {
    stream.write(text);
    yield* queue.splice(0);
  }
  stream.close();
  finishSite();
  yield* queue.splice(0);
}

/** readWxr over a file, read in 256 KiB chunks. */
export function readWxrFile(path: string): AsyncGenerator<WxrRecord> {
  return readWxr(createReadStream(path, { highWaterMark: 256 * 1024 }));
}
