import Link from 'next/link';
import { CommentBody } from '@/components/comments/comment-body';
import { moderate } from '@/lib/comments/admin-actions';
import { shownName } from '@/lib/comments/text';
import type { ModerationItem } from '@/lib/comments/store';
import type { CommentStatus } from '@/lib/comments/types';
import { formatDate } from '@/lib/content/schema/dates';

type ModerationListProps = {
  status: CommentStatus;
  items: ModerationItem[];
  articles: Map<string, { title: string; url: string }>;
};

/** What can be done to a comment in each list. */
const OPERATIONS: Record<CommentStatus, { op: string; label: string }[]> = {
  pending: [
    { op: 'approve', label: 'Approve' },
    { op: 'spam', label: 'Mark spam' },
    { op: 'trash', label: 'Trash' },
  ],
  approved: [
    { op: 'pending', label: 'Unapprove' },
    { op: 'spam', label: 'Mark spam' },
    { op: 'trash', label: 'Trash' },
  ],
  spam: [
    { op: 'approve', label: 'Not spam: approve' },
    { op: 'delete', label: 'Delete' },
  ],
  trash: [
    { op: 'pending', label: 'Restore' },
    { op: 'delete', label: 'Delete' },
  ],
};

const BUTTON =
  'rounded-md border border-neutral-400 px-3 py-1 text-sm font-semibold hover:bg-neutral-100 dark:border-neutral-600 dark:hover:bg-neutral-800';

export function ModerationList({ status, items, articles }: ModerationListProps) {
  const operations = OPERATIONS[status];
  if (items.length === 0) return <p>Nothing here.</p>;
  return (
    <form action={moderate} className="space-y-4">
      <input type="hidden" name="view" value={status} />
      <fieldset className="flex flex-wrap items-center gap-2">
        <legend className="sr-only">With the ticked comments</legend>
        <span className="text-sm">With ticked comments:</span>
        {operations.map(({ op, label }) => (
          <button key={op} type="submit" name="op" value={op} className={BUTTON}>
            {label}
          </button>
        ))}
      </fieldset>
      <ol className="space-y-4">
        {items.map((item) => {
          const article = articles.get(item.article_slug);
          const author = shownName(item.author_name);
          const name = `${author}, ${formatDate(item.created_at)}`;
          return (
            <li
              key={item.id}
              className="rounded-md border border-neutral-300 p-4 dark:border-neutral-700"
            >
              <article aria-label={`Comment by ${name}`}>
                <div className="flex flex-wrap items-baseline gap-x-3">
                  <input
                    type="checkbox"
                    name="ids"
                    value={item.id}
                    id={`select-${item.id}`}
                    className="h-4 w-4"
                  />
                  <label htmlFor={`select-${item.id}`} className="font-semibold">
                    <bdi>{author}</bdi>
                  </label>
                  <span className="text-sm text-neutral-600 dark:text-neutral-400">
                    <time dateTime={item.created_at}>{formatDate(item.created_at)}</time> on{' '}
                    {article ? (
                      <Link prefetch={false} href={`${article.url}#comments`} className="underline">
                        {article.title}
                      </Link>
                    ) : (
                      item.article_slug
                    )}
                    {item.parent_id ? ` (reply to #${item.parent_id})` : null}
                  </span>
                </div>
                {item.author_url ? (
                  <p className="text-sm break-all text-neutral-600 dark:text-neutral-400">
                    {item.author_url.slice(0, 300)}
                  </p>
                ) : null}
                {item.held_reason ? (
                  <p className="text-sm text-amber-800 dark:text-amber-300">
                    Held: {item.held_reason}
                  </p>
                ) : null}
                <div className="mt-2">
                  <CommentBody body={item.body} />
                </div>
                <div className="mt-3 flex flex-wrap gap-2">
                  {operations.map(({ op, label }) => (
                    <button
                      key={op}
                      type="submit"
                      name="single"
                      value={`${op}:${item.id}`}
                      className={BUTTON}
                      aria-label={`${label}: comment by ${name}`}
                    >
                      {label}
                    </button>
                  ))}
                </div>
              </article>
            </li>
          );
        })}
      </ol>
    </form>
  );
}
