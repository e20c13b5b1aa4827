import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kysely } from 'kysely';
import type { Database } from '@/lib/comments/types';
import { importComments, type CommentImportReport, type PostComments } from '../comments';
import { WxrReadError } from '../errors';
import { readWxrFile } from '../reader';
import { takenBy } from './taken';
import { attachedByPost, collect, type Collected } from './collect';
import { loadManifest, redirectedElsewhere, scanExisting } from './existing';
import { Handoff } from './handoff';
import { MANIFEST_FILE, manifestText, previousIds, type Manifest } from './manifest';
import { oldSite } from './old-paths';
import type { BodyPoolOptions } from './body-pool';
import { convertItems } from './pass2';
import { bringPictures, type PictureOptions } from './pictures-step';
import { makePlan, type Plan } from './plan';
import { buildRedirects, type Redirects } from './redirects';
import { count, emptyReport, type ImportReport } from './report';
import {
  authorFile,
  readRedirects,
  REDIRECTS_FILE,
  redirectsFile,
  sectionFile,
} from './site-files';
import { ItemSpool } from './spool';
import { Staging } from './staging';
import { FileWriter } from './writer';
import { summarizeComments } from './comment-counts';

export type ImportOptions = {
  exportFile: string;
  /** The site's folder: content/ and public/ are in it. */
  root: string;
  /**
   * The comment store, or a function opening it (called only once the export has been read,
   * so a refused export leaves no trace); null writes no comments (a dry run never does).
   */
  db: Kysely<Database> | (() => Promise<Kysely<Database>>) | null;
  dryRun?: boolean;
  force?: boolean;
  pictures?: PictureOptions;
  /** Threads converting bodies (default: one per core but one, none for a small export). */
  bodies?: BodyPoolOptions;
  now?: Date;
};

/** The old site's own address: its blog URL (base_site_url is wordpress.com for every .com blog). */
export const siteKeyOf = (site: Collected['site']) =>
  site.baseBlogUrl || site.link || site.baseSiteUrl || 'http://old-site.invalid/';

/**
 * Brings a WordPress export into the site: read (pass 1) → plan → pictures → convert and
 * stage every post and page (pass 2, comments handed on as it goes) → sections, authors,
 * redirects, manifest → move into place → comments in one transaction. Nothing reaches
 * content/, public/ or the store until everything is ready, and a failure at the move or the
 * comments undoes the move. Returns the report; throws only for a bug.
 */
export async function importWordPress(options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const report = emptyReport(options.exportFile);
  const now = options.now ?? new Date();
  let staging: Staging | null = null;
  let scratch: string | null = null;
  let spool: ItemSpool | null = null;
  let mark = started;
  const lap = (step: string) => {
    const now = performance.now();
    report.steps.set(step, (now - mark) / 1000);
    mark = now;
  };
  try {
    const manifest = await loadManifest(options.root);
    if (typeof manifest === 'string') return refuse(report, manifest);
    const existing = await scanExisting(options.root, manifest);
    if (options.dryRun) scratch = await mkdtemp(path.join(tmpdir(), 'masthead-import-dry-'));
    staging = await Staging.open(options.root, scratch ?? undefined);
    spool = new ItemSpool(path.join(staging.dir, 'items.spool'));
    const collected = await collect(spool.keep(readWxrFile(options.exportFile)));
    lap('read');
    const siteUrl = siteKeyOf(collected.site);
    report.site = siteUrl;
    const plan = makePlan(collected, previousIds(manifest, siteUrl), existing);
    const force = options.force ?? false;
    const writer = new FileWriter(options.root, staging, manifest.files, force, report);

    const pictures = await bringPictures({
      collected,
      plan,
      siteUrl,
      root: options.root,
      stagingFiles: staging.files,
      previous: manifest.files,
      force,
      options: options.pictures ?? {},
    });
    lap('pictures');
    writer.pictures(pictures.result);
    for (const loss of pictures.losses) report.losses.push(loss);
    const redirects = buildRedirects({
      site: oldSite(siteUrl),
      taken: takenBy(plan, existing, await redirectedElsewhere(options.root)),
      collected,
      plan,
      pictures: pictures.paths,
    });

    const store = options.db;
    const db =
      options.dryRun || store === null ? null : store instanceof Kysely ? store : await store();
    const handoff = db ? new Handoff<PostComments>() : null;
    const comments = handoff && db ? importComments(db, siteUrl, handoff.values()) : null;
    comments?.catch((error: unknown) => handoff?.stop(error));
    // The comment import writes once this gate opens: after the files are in place.
    const gate = deferred();
    const attached = attachedByPost(collected.attachments);
    try {
      await convertItems({
        items: spool.items(),
        plan,
        writer,
        report,
        comments: handoff,
        context: { collected, now, picturePath: pictures.picturePath },
        // A link to another post of the old site leads straight to where it is now: the
        // redirects are the table of where everything went.
        bodies: {
          siteUrl,
          attachments: collected.attachments,
          pictures: pictures.table,
          redirects: redirects.map,
        },
        attached,
        ...(options.bodies ? { pool: options.bodies } : {}),
      });
      // No more comments: the comment import may finish reading, then waits at the gate.
      handoff?.close(gate.promise);
      await writeSiteFiles(options.root, writer, plan, manifest, siteUrl, redirects);
      lap('convert');
      if (!options.dryRun) await staging.commit(writer.toMove);
      lap('move');
    } catch (error) {
      gate.reject(error);
      handoff?.close(gate.promise);
      // When the comment import stopped first, its error is the cause; the rest followed.
      const cause: unknown = await comments?.then(
        () => null,
        (failure: unknown) => failure,
      );
      throw cause ?? error;
    }
    gate.resolve();
    let written: CommentImportReport | null = null;
    try {
      written = comments ? await comments : null;
      lap('comments');
    } catch (error) {
      await staging.undo();
      throw error;
    }
    await staging.finish();
    summarizeComments(report, written);
    countPlan(report, plan, collected, redirects.map.size);
    report.outcome = options.dryRun ? 'dry-run' : 'complete';
    return report;
  } catch (error) {
    if (error instanceof WxrReadError) return refuse(report, `the export: ${error.message}`);
    report.outcome = 'failed';
    report.error = error instanceof Error ? error.message : String(error);
    report.written = [];
    return report;
  } finally {
    spool?.close();
    await staging?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
    report.seconds = (performance.now() - started) / 1000;
  }
}

function refuse(report: ImportReport, why: string): ImportReport {
  report.outcome = 'refused';
  report.error = why;
  return report;
}

function deferred() {
  let resolve: () => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  // A gate nobody waits on (no comment store) must not be an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** Sections, authors, the redirects file and, last, the manifest, through the same decisions. */
async function writeSiteFiles(
  root: string,
  writer: FileWriter,
  plan: Plan,
  manifest: Manifest,
  siteUrl: string,
  redirects: Redirects,
): Promise<void> {
  for (const section of plan.sections.values()) {
    if (section.write)
      await writer.emit(sectionFile(section).relative, sectionFile(section).text, 'sections');
  }
  for (const author of plan.authors.values()) {
    if (author.write)
      await writer.emit(authorFile(author).relative, authorFile(author).text, 'authors');
  }
  // Earlier imports' redirects this export does not have stay (an export of some posts, or
  // of one author, must not take away the others' addresses), after this export's own.
  const earlierText = Object.hasOwn(manifest.files, REDIRECTS_FILE)
    ? await readFile(path.join(root, REDIRECTS_FILE), 'utf8').catch(() => '')
    : '';
  // An article this export moved to another section is where it is now, not where it was.
  const articleUrl = new Map([...plan.posts.values()].map((post) => [post.slug, post.url]));
  for (const { from, to } of readRedirects(earlierText)) {
    const slug = /^\/[a-z0-9-]+\/([a-z0-9-]+)$/.exec(to)?.[1];
    redirects.add(from, (slug && articleUrl.get(slug)) || to);
  }
  const file = redirectsFile(redirects.entries());
  await writer.emit(file.relative, file.text, 'redirect files');
  const ids = (map: Map<number, { slug?: string; path?: string }>) =>
    Object.fromEntries([...map].map(([id, p]) => [String(id), p.slug ?? p.path ?? '']));
  const sites = { ...manifest.sites };
  sites[siteUrl] = {
    posts: { ...sites[siteUrl]?.posts, ...ids(plan.posts) },
    pages: { ...sites[siteUrl]?.pages, ...ids(plan.pages) },
    sections: {
      ...sites[siteUrl]?.sections,
      ...Object.fromEntries([...plan.sections].map(([k, s]) => [k, s.id])),
    },
    authors: {
      ...sites[siteUrl]?.authors,
      ...Object.fromEntries([...plan.authors].map(([k, a]) => [k, a.id])),
    },
  };
  // The manifest is the importer's own: written whenever it says something new, never judged.
  const next = manifestText({ format: 1, sites, files: writer.files });
  const current = await readFile(path.join(root, MANIFEST_FILE), 'utf8').catch(() => null);
  if (next !== current) await writer.stageOwn(MANIFEST_FILE, next);
}

function countPlan(report: ImportReport, plan: Plan, collected: Collected, redirects: number) {
  count(report, 'redirects', redirects);
  for (const [why, items] of plan.skipped)
    count(report, `posts and pages not imported: ${why}`, items.length);
  for (const [type, n] of collected.otherTypes)
    count(report, `other items not imported: ${type}`, n);
  if (collected.rejected.length > 0) {
    count(report, 'records the reader refused', collected.rejected.length);
    for (const r of collected.rejected) {
      report.losses.push({
        what: r.what,
        wpId: r.wpId ?? `line ${r.line}`,
        title: r.title ?? '',
        lost: `the whole ${r.what}: ${r.reason}`,
      });
    }
  }
}
