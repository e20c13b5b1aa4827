import path from 'node:path';
import type { ObtainOptions, ObtainResult } from '../pictures/obtain';
import { sitePathFor } from '../pictures/site-path';
import { uploadsRootsOf } from '../pictures/uploads-url';
import { picturePathFrom, type PictureTable } from './body-tables';
import type { Collected } from './collect';
import { obtainInThreads } from './pictures-threads';
import type { Plan } from './plan';
import type { Loss } from './report';

export type PictureOptions = Pick<
  ObtainOptions,
  'uploadsDir' | 'privateHosts' | 'fetchTimeoutMs' | 'concurrency' | 'maxBytes'
> & {
  /** Threads copying from an uploads copy (default: one per core for a large one). */
  threads?: number;
};

export type PicturesBrought = {
  result: ObtainResult;
  /** Picture URL → its site path, for every picture now in public/ (or staged for it). */
  paths: Map<string, string>;
  /** The site path of any address of a picture that came across (a body's own spelling of it too). */
  picturePath: (url: string) => string | null;
  /** The same as data, for the threads that convert bodies. */
  table: PictureTable;
  losses: Loss[];
};

/**
 * The pictures the imported posts and pages need: those their bodies name, the attachments
 * their galleries and image blocks show, the attachments uploaded to them, and featured
 * pictures. Brought into the staging copy of public/ (from --uploads, or by HTTP); a picture
 * that cannot be had is a loss, and its article is imported all the same.
 */
export async function bringPictures(input: {
  collected: Collected;
  plan: Plan;
  siteUrl: string;
  root: string;
  stagingFiles: string;
  previous: Readonly<Record<string, string>>;
  force: boolean;
  options: PictureOptions;
}): Promise<PicturesBrought> {
  const { collected, plan, siteUrl } = input;
  const imported = new Set([...plan.posts.keys(), ...plan.pages.keys()]);
  const urls = new Set(collected.pictureUrls);
  const attachmentOf = new Map<string, number>();
  for (const [id, attachment] of collected.attachments) {
    attachmentOf.set(attachment.url, id);
    if (collected.pictureIds.has(id) || imported.has(attachment.parent)) urls.add(attachment.url);
  }
  for (const item of collected.items) {
    if (item.thumbnail === null || !plan.posts.has(item.id)) continue;
    const url = collected.attachments.get(item.thumbnail)?.url;
    if (url) urls.add(url);
  }
  const roots = uploadsRootsOf(
    [...collected.attachments.values()].map((attachment) => attachment.url),
    siteUrl,
  );
  const items = [...urls].flatMap((url) => {
    const sitePath = sitePathFor(url, siteUrl, roots);
    return sitePath ? [{ url, sitePath }] : [];
  });
  const previous = new Map(
    Object.entries(input.previous)
      .filter(([file]) => file.startsWith('public/'))
      .map(([file, hash]) => [file.slice('public'.length), hash]),
  );
  const { threads, ...options } = input.options;
  const result = await obtainInThreads(
    items,
    {
      ...options,
      publicDir: path.join(input.root, 'public'),
      stagingDir: path.join(input.stagingFiles, 'public'),
      siteUrl,
      uploadsRoots: roots,
      force: input.force,
      previous,
    },
    threads,
  );
  const had = new Set([
    ...result.obtained,
    ...result.present,
    ...result.kept.map((k) => k.sitePath),
  ]);
  const paths = new Map(
    items.filter((item) => had.has(item.sitePath)).map((i) => [i.url, i.sitePath]),
  );
  const losses = result.failed
    .filter(({ sitePath }) => !had.has(sitePath))
    .map(({ url, reason }) => ({
      what: 'picture',
      wpId: String(attachmentOf.get(url) ?? ''),
      title: url,
      lost: `the picture could not be had: ${reason}`,
    }));
  const table: PictureTable = { roots, had };
  return { result, paths, picturePath: picturePathFrom(siteUrl, table), table, losses };
}
