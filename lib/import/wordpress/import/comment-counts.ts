import type { CommentImportReport } from '../comments';
import { count, type ImportReport } from './report';

/** Labels for the comment import's own counts, as the report shows them. */
const LABELS: Record<string, string> = {
  published: 'comments published',
  held: 'comments held for moderation',
  updated: 'comments updated',
  unchanged: 'comments unchanged',
  deletedHere: 'comments deleted here since the last import (left deleted)',
  spam: 'comments not imported: spam',
  trash: 'comments not imported: trash',
  pingbacks: 'pingbacks and trackbacks (counted, not imported)',
  otherTypes: 'comments of other kinds (not imported)',
  rejected: 'comments the reader refused',
  reparented: 'replies whose parent is not imported (in the nearest thread, or one of their own)',
  flattened: 'replies to replies (placed in their thread, one level deep)',
};

/** Adds what the comment import did to the report: its counts and every comment's losses. */
export function summarizeComments(report: ImportReport, written: CommentImportReport | null) {
  if (written === null) return;
  for (const [key, label] of Object.entries(LABELS)) {
    const n = (written as unknown as Record<string, unknown>)[key];
    if (typeof n === 'number' && n > 0) count(report, label, n);
  }
  for (const loss of written.losses) {
    report.losses.push({
      what: 'comment',
      wpId: loss.wpCommentId === null ? `post ${loss.wpPostId}` : String(loss.wpCommentId),
      title: `on /${loss.articleSlug}`,
      lost: loss.lost,
    });
  }
}
