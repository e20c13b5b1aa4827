/**
 * What a WordPress export holds, and what survived in an importer's output, counted the same
 * way on both sides so bench/import.ts can say what each importer lost. The export side is read
 * with lib/import/wordpress's reader; the output side is plain text search over the files an
 * importer wrote, so it judges Masthead's importer and another tool alike.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readWxrFile } from '../lib/import/wordpress/reader';

/** Things in a body an importer can keep, lose, or keep in a form a reader should never get. */
export interface Markers {
  /** `<table>` elements still there as HTML. */
  htmlTables: number;
  /** Markdown (GFM) tables: their delimiter rows (`| --- |`, or `| - |`: one hyphen is enough). */
  markdownTables: number;
  /** Tables without a header row (no `<th>`): GFM cannot write one without inventing a header. */
  headerlessTables: number;
  /** The captions the generator wrote (bench/wxr-newsroom.ts captionOf), wherever they ended up. */
  captions: number;
  /** Those of them still marked as a caption: `<figcaption>`, or a hero's `caption:` field. */
  markedCaptions: number;
  /** Shortcodes left as text, by name. */
  shortcodes: Record<string, number>;
  scripts: number;
  iframes: number;
  /** Comment texts the generator wrote, found in the files. */
  commentTexts: number;
}

const SHORTCODES = ['caption', 'gallery', 'embed', 'contact-form-7', 'pullquote'];
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

export function emptyMarkers(): Markers {
  return {
    htmlTables: 0,
    markdownTables: 0,
    headerlessTables: 0,
    captions: 0,
    markedCaptions: 0,
    shortcodes: Object.fromEntries(SHORTCODES.map((name) => [name, 0])),
    scripts: 0,
    iframes: 0,
    commentTexts: 0,
  };
}

/** Adds the markers of one text (a post body, or a file an importer wrote) to `into`. */
export function addMarkers(into: Markers, text: string): void {
  const tables = text.match(/<table\b[\s\S]*?<\/table>/gi) ?? [];
  into.htmlTables += tables.length;
  into.headerlessTables += tables.filter((table) => !/<th\b/i.test(table)).length;
  into.markdownTables += count(text, /^ *\|? *:?-+:? *(?:\| *:?-+:? *)+\|? *$/gm);
  into.captions += count(text, /Caption \d+: the scene on the day/g);
  into.markedCaptions +=
    count(text, /<figcaption[^>]*>\s*Caption \d+: the scene on the day\s*<\/figcaption>/g) +
    count(text, /^\s*caption: "Caption \d+: the scene on the day"$/gm);
  for (const name of SHORTCODES) {
    into.shortcodes[name] =
      (into.shortcodes[name] ?? 0) + count(text, new RegExp(`\\[${name}\\b`, 'g'));
  }
  into.scripts += count(text, /<script\b/gi);
  into.iframes += count(text, /<iframe\b/gi);
  into.commentTexts += count(text, /Comment \d+ on story \d+/g);
}

export const shortcodeTotal = (markers: Markers) =>
  Object.values(markers.shortcodes).reduce((sum, n) => sum + n, 0);

export interface Census {
  bytes: number;
  posts: Record<string, number>;
  /** Published posts with a password: public in WordPress only to those who have it. */
  passwordProtected: number;
  sticky: number;
  pages: number;
  nestedPages: number;
  attachments: number;
  comments: Record<string, number>;
  replies: number;
  pingbacks: number;
  authors: number;
  categories: number;
  tags: number;
  /** Bodies of everything but trash: what a complete import keeps. */
  bodies: Markers;
  /** Status of each post by its slug, to judge what another tool published. */
  statusBySlug: Map<string, string>;
  passwordSlugs: Set<string>;
}

const bump = (record: Record<string, number>, key: string) => {
  record[key] = (record[key] ?? 0) + 1;
};

/** Everything bench/import.ts compares, read from the export with Masthead's own reader. */
export async function censusOf(file: string): Promise<Census> {
  const census: Census = {
    bytes: statSync(file).size,
    posts: {},
    passwordProtected: 0,
    sticky: 0,
    pages: 0,
    nestedPages: 0,
    attachments: 0,
    comments: {},
    replies: 0,
    pingbacks: 0,
    authors: 0,
    categories: 0,
    tags: 0,
    bodies: emptyMarkers(),
    statusBySlug: new Map(),
    passwordSlugs: new Set(),
  };
  for await (const record of readWxrFile(file)) {
    if (record.kind === 'author') census.authors += 1;
    else if (record.kind === 'category') census.categories += 1;
    else if (record.kind === 'tag') census.tags += 1;
    else if (record.kind === 'rejected')
      throw new Error(`the export has a rejected record: ${record.rejected.reason}`);
    if (record.kind !== 'item') continue;
    const item = record.item;
    if (item.postType === 'attachment') {
      census.attachments += 1;
      continue;
    }
    if (item.postType === 'page') {
      census.pages += 1;
      if (item.postParent !== 0) census.nestedPages += 1;
    } else {
      bump(census.posts, item.status);
      census.statusBySlug.set(item.postName, item.status);
      if (item.postPassword !== '') {
        census.passwordProtected += 1;
        census.passwordSlugs.add(item.postName);
      }
      if (item.isSticky) census.sticky += 1;
    }
    if (item.status !== 'trash') addMarkers(census.bodies, item.content);
    for (const comment of item.comments) {
      bump(census.comments, comment.approved);
      if (comment.parent !== 0) census.replies += 1;
      if (comment.type === 'pingback') census.pingbacks += 1;
    }
  }
  return census;
}

/** Every file under `dir`, relative to it. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  try {
    walk(dir);
  } catch {
    return [];
  }
  return out;
}

/** The markers over every file of `files` (paths under `dir`), read one at a time. */
export function markersOfFiles(dir: string, files: readonly string[]): Markers {
  const markers = emptyMarkers();
  for (const file of files) addMarkers(markers, readFileSync(path.join(dir, file), 'utf8'));
  return markers;
}
