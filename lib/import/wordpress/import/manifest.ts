import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Where the record of past imports lives, committed with the content it describes. */
export const MANIFEST_FILE = 'content/.import/wordpress.json';

const ids = z.record(z.string().max(2_000), z.string().max(2_000)).default({});

const manifestSchema = z.strictObject({
  format: z.literal(1),
  note: z.string().optional(),
  /** Per old site (its address): which WordPress id became which file or id here. */
  sites: z
    .record(
      z.string().max(2_000),
      z.strictObject({ posts: ids, pages: ids, sections: ids, authors: ids }),
    )
    .default({}),
  /** Every file an import wrote (relative to the site's folder) → the SHA-256 it wrote. */
  files: z.record(z.string().max(2_000), z.string().regex(/^[0-9a-f]{64}$/)).default({}),
});

export type Manifest = z.output<typeof manifestSchema>;

export const emptyManifest = (): Manifest => ({ format: 1, sites: {}, files: {} });

export const sha256 = (data: string | Uint8Array) =>
  createHash('sha256').update(data).digest('hex');

/** The manifest from its text, or why it cannot be used (the import then writes nothing). */
export function parseManifest(text: string): Manifest | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return `${MANIFEST_FILE} is not JSON`;
  }
  const parsed = manifestSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `${MANIFEST_FILE} is not an import record (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`;
}

/** Which WordPress id became which file at the last import of one site. */
export type PreviousIds = {
  posts: Record<string, string>;
  pages: Record<string, string>;
  sections: Record<string, string>;
  authors: Record<string, string>;
};

export function previousIds(manifest: Manifest, site: string): PreviousIds {
  return manifest.sites[site] ?? { posts: {}, pages: {}, sections: {}, authors: {} };
}

/** What happens to one file the import would write. */
export type FileDecision =
  /** New, or changed in the export and untouched since the last import (or --force). */
  | 'write'
  /** Already exactly what the import would write. */
  | 'unchanged'
  /** Changed by an editor since the last import: kept (--force writes it). */
  | 'edited'
  /** Deleted by an editor after the last import: not brought back (--force does). */
  | 'deleted'
  /** A file the newsroom made itself at that place: kept (--force writes it). */
  | 'not-ours';

/**
 * The three hashes of a file decide: what the last import wrote (`previous`), what is on disk
 * now (`disk`, null when there is none) and what this import would write (`next`). Only a
 * file the last import wrote and nobody touched since is replaced, unless `force`.
 */
export function decide(
  previous: string | undefined,
  disk: string | null,
  next: string,
  force: boolean,
): FileDecision {
  if (disk === next) return 'unchanged';
  if (disk === null) return previous === undefined || force ? 'write' : 'deleted';
  if (disk === previous || force) return 'write';
  return previous === undefined ? 'not-ours' : 'edited';
}

/** The manifest as text: keys sorted, so an import that changed nothing writes the same bytes. */
export function manifestText(manifest: Manifest): string {
  const sorted = (record: Record<string, string>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const sites = Object.fromEntries(
    Object.entries(manifest.sites)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([site, record]) => [
        site,
        {
          posts: sorted(record.posts),
          pages: sorted(record.pages),
          sections: sorted(record.sections),
          authors: sorted(record.authors),
        },
      ]),
  );
  const note =
    'Written by npm run import:wordpress: which WordPress post became which file, and the hash of each file it wrote, so a later import updates only files nobody has changed since. Keep it with content/.';
  return `${JSON.stringify({ format: 1, note, sites, files: sorted(manifest.files) }, null, 2)}\n`;
}
