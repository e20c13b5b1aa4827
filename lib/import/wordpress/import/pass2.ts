import type { PostComments } from '../comments';
import type { WxrItem } from '../schema';
import { articleFile, pageFile, type FileContext, type MadeFile } from './article';
import { loginKey, titleOf } from './collect';
import type { Handoff } from './handoff';
import type { PageItemPlan, Plan, PostPlan } from './plan';
import { openBodyConverter, type BodyPoolOptions } from './body-pool';
import type { BodyJob, BodyTables } from './body-tables';
import { count, type ImportReport } from './report';
import { detach } from './text';
import type { FileWriter } from './writer';

export type Pass2Input = {
  /** The export's posts and pages in its order, as pass 1 kept them (`ItemSpool`). */
  items: AsyncIterable<WxrItem>;
  plan: Plan;
  /** What making a file needs besides its body, which pass 2 converts. */
  context: Omit<FileContext, 'convert'>;
  /** What every body's conversion looks up, as data a worker thread can receive. */
  bodies: BodyTables;
  /** Each post's attachments in gallery order (`attachedByPost`). */
  attached: ReadonlyMap<number, readonly number[]>;
  /** Threads and how far ahead they convert (tests choose; the import takes the defaults). */
  pool?: BodyPoolOptions;
  writer: FileWriter;
  report: ImportReport;
  /** Where each imported post's comments go; null in a dry run, which only counts them. */
  comments: Handoff<PostComments> | null;
};

const STATE: Record<string, string> = { live: 'live', scheduled: 'scheduled', draft: 'drafts' };

/** Adds what an item lost to the report, in strings of their own (see `detach`). */
function record(report: ImportReport, item: WxrItem, what: string, made: MadeFile): void {
  const title = detach(titleOf(item) || made.relative);
  const wpId = String(item.postId);
  for (const lost of made.lost) report.losses.push({ what, wpId, title, lost: detach(lost) });
  for (const rejected of item.rejectedComments) {
    report.losses.push({
      what: 'comment',
      wpId: detach(rejected.id),
      title: `on ${what} ${item.postId}, “${title}”`,
      lost: detach(`the whole comment: ${rejected.reason}`),
    });
  }
}

/** What a dry run can say of comments without the store: how many of each kind. */
function tally(report: ImportReport, item: WxrItem): void {
  for (const comment of item.comments) {
    const kind =
      comment.type === 'pingback' || comment.type === 'trackback'
        ? 'pingbacks and trackbacks'
        : comment.approved === '1'
          ? 'approved'
          : comment.approved === '0'
            ? 'held for moderation'
            : 'spam or trash';
    count(report, `comments in the export: ${kind}`);
  }
}

/** The job for an item's body: its HTML and what only its post has. */
function jobOf(item: WxrItem, attached: ReadonlyMap<number, readonly number[]>): BodyJob {
  const footnotes = item.meta.find((entry) => entry.key === 'footnotes')?.value;
  return {
    html: item.content,
    ...(footnotes === undefined ? {} : { footnotes }),
    attached: attached.get(item.postId) ?? [],
  };
}

/**
 * Pass 2: takes the export's posts and pages again (pass 1 kept them) and writes each the
 * plan imports to the staging copy, handing its comments to the comment import. Bodies are converted on worker
 * threads while the reader goes on, at most `ahead` of them beyond the one being written, and
 * everything else happens in export order: files, report and comments come out as they would
 * one item at a time. Memory holds those few items, never the file.
 */
export async function convertItems(input: Pass2Input): Promise<void> {
  const { plan, report } = input;
  const converter = openBodyConverter(
    input.bodies,
    plan.posts.size + plan.pages.size,
    input.pool ?? {},
  );
  // Each waits for its body, then writes; they run in the order they were read.
  const waiting: (() => Promise<void>)[] = [];
  const writeUpTo = async (left: number) => {
    while (waiting.length > left) await waiting.shift()?.();
  };
  try {
    const done = new Set<number>();
    for await (const item of input.items) {
      const post = item.postType === 'post' ? plan.posts.get(item.postId) : undefined;
      const page = item.postType === 'page' ? plan.pages.get(item.postId) : undefined;
      if (!post && !page) continue;
      if (done.has(item.postId)) {
        waiting.push(async () => {
          report.losses.push({
            what: item.postType,
            wpId: String(item.postId),
            title: detach(titleOf(item)),
            lost: 'it appears twice in the export: the first is imported',
          });
        });
      } else {
        done.add(item.postId);
        const body = converter.convert(jobOf(item, input.attached));
        // Awaited in turn below; until then a failure must not be an unhandled rejection.
        body.catch(() => undefined);
        waiting.push(async () => {
          const converted = await body.catch((error: unknown) => {
            const why = error instanceof Error ? error.message : String(error);
            throw new Error(
              `${item.postType} ${item.postId}: its body could not be converted (${why})`,
            );
          });
          const context: FileContext = { ...input.context, convert: () => converted };
          if (post) await writePost(input, item, post, context);
          else if (page) await writePage(input, item, page, context);
        });
      }
      await writeUpTo(converter.ahead);
    }
    await writeUpTo(0);
  } finally {
    await converter.close();
  }
}

async function writePost(input: Pass2Input, item: WxrItem, post: PostPlan, context: FileContext) {
  const { plan, writer, report } = input;
  const author = plan.authors.get(loginKey(item.creator)) ?? plan.authors.get('');
  if (!author) throw new Error(`no author planned for post ${item.postId}`);
  const made = articleFile(item, post, author, context);
  if (item.creator === '')
    made.lost.push('its author (the export names none): filed under the site');
  await writer.emit(made.relative, made.text, 'articles');
  record(report, item, 'post', made);
  count(report, `articles ${STATE[post.disposition.kind] ?? post.disposition.kind}`);
  if (!input.comments) tally(report, item);
  if (input.comments && item.comments.length > 0) {
    await input.comments.push({
      articleSlug: post.slug,
      wpPostId: item.postId,
      comments: item.comments,
    });
  }
}

async function writePage(
  input: Pass2Input,
  item: WxrItem,
  page: PageItemPlan,
  context: FileContext,
) {
  const { writer, report } = input;
  const made = pageFile(item, page, context);
  if (item.comments.length > 0) {
    made.lost.push(`its ${item.comments.length} comment(s): pages here have no comments`);
  }
  await writer.emit(made.relative, made.text, 'pages');
  record(report, item, 'page', made);
  count(report, `pages ${STATE[page.disposition.kind] ?? page.disposition.kind}`);
}
