import type { PostComments } from '../comments';
import { readWxrFile } from '../reader';
import type { WxrItem } from '../schema';
import { articleFile, pageFile, type FileContext, type MadeFile } from './article';
import { loginKey, titleOf } from './collect';
import type { Handoff } from './handoff';
import type { Plan } from './plan';
import { count, type ImportReport } from './report';
import { detach } from './text';
import type { FileWriter } from './writer';

export type Pass2Input = {
  exportFile: string;
  plan: Plan;
  context: FileContext;
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

/**
 * Pass 2: reads the export again and, one item at a time, writes each post and page the plan
 * imports to the staging copy and hands its comments to the comment import. Nothing but the
 * item being converted is in memory.
 */
export async function convertItems(input: Pass2Input): Promise<void> {
  const { plan, context, writer, report } = input;
  const done = new Set<number>();
  for await (const entry of readWxrFile(input.exportFile)) {
    if (entry.kind !== 'item') continue;
    const { item } = entry;
    const post = item.postType === 'post' ? plan.posts.get(item.postId) : undefined;
    const page = item.postType === 'page' ? plan.pages.get(item.postId) : undefined;
    if (!post && !page) continue;
    if (done.has(item.postId)) {
      report.losses.push({
        what: item.postType,
        wpId: String(item.postId),
        title: detach(titleOf(item)),
        lost: 'it appears twice in the export: the first is imported',
      });
      continue;
    }
    done.add(item.postId);
    if (post) {
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
    } else if (page) {
      const made = pageFile(item, page, context);
      if (item.comments.length > 0) {
        made.lost.push(`its ${item.comments.length} comment(s): pages here have no comments`);
      }
      await writer.emit(made.relative, made.text, 'pages');
      record(report, item, 'page', made);
      count(report, `pages ${STATE[page.disposition.kind] ?? page.disposition.kind}`);
    }
  }
}
