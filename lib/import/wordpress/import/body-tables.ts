import type { BodyContext, PictureInfo } from '../body/types';
import { sitePathFor } from '../pictures/site-path';
import type { UploadsRoot } from '../pictures/uploads-url';
import { oldPath, oldSite } from './old-paths';
import { Redirects } from './redirects';

/**
 * What a body's conversion looks up, as plain data: a worker thread receives it once, when it
 * starts, and builds the same functions the importer's own thread would (functions cannot
 * cross to a thread; maps and lists can).
 */
export type BodyTables = {
  /** The old site's address (the export's blog URL). */
  siteUrl: string;
  /** Attachment id → its picture, for galleries, image blocks and `[caption]`. */
  attachments: ReadonlyMap<number, PictureInfo>;
  /** The uploads roots `sitePathFor` was given, and every site path of a picture that came across. */
  pictures: PictureTable;
  /** Old path → new address: the importer's redirects (`Redirects.map`), in order of claim. */
  redirects: ReadonlyMap<string, string>;
};

export type PictureTable = { roots: readonly UploadsRoot[]; had: ReadonlySet<string> };

/** The site path of any address of a picture that came across (a body's own spelling of it too). */
export function picturePathFrom(siteUrl: string, table: PictureTable) {
  return (url: string): string | null => {
    const sitePath = sitePathFor(url, siteUrl, table.roots);
    return sitePath !== null && table.had.has(sitePath) ? sitePath : null;
  };
}

/** Where a path of the old site lives now, matched as the proxy matches it, or null. */
export function newAddressFrom(siteUrl: string, entries: ReadonlyMap<string, string>) {
  const site = oldSite(siteUrl);
  // Entries already passed the importer's checks: re-added only to index them by key.
  const redirects = new Redirects();
  for (const [from, to] of entries) redirects.add(from, to);
  return (old: string): string | null => {
    const from = oldPath(old, site);
    return (from !== null && redirects.resolve(from)) || null;
  };
}

/** One body's conversion job: its HTML and what only that post has. */
export type BodyJob = { html: string; footnotes?: string; attached: readonly number[] };

/** The context every body of an import shares, built from its tables. */
export type SharedContext = Omit<BodyContext, 'footnotes' | 'attached'>;

/** A body's whole context: the shared one and its post's own. */
export function contextFor(shared: SharedContext, job: BodyJob): BodyContext {
  return {
    ...shared,
    ...(job.footnotes === undefined ? {} : { footnotes: job.footnotes }),
    attached: job.attached,
  };
}

export function sharedContext(tables: BodyTables): SharedContext {
  return {
    attachments: tables.attachments,
    picturePath: picturePathFrom(tables.siteUrl, tables.pictures),
    siteUrl: tables.siteUrl,
    newAddress: newAddressFrom(tables.siteUrl, tables.redirects),
  };
}
