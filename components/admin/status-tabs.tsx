import Link from 'next/link';
import { COMMENT_STATUSES, type CommentStatus } from '@/lib/comments/types';

type StatusTabsProps = { current: CommentStatus; counts: Record<CommentStatus, number> };

const LABELS: Record<CommentStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  spam: 'Spam',
  trash: 'Trash',
};

export function StatusTabs({ current, counts }: StatusTabsProps) {
  return (
    <nav aria-label="Comment status">
      <ul className="flex flex-wrap gap-2">
        {COMMENT_STATUSES.map((status) => (
          <li key={status}>
            <Link
              prefetch={false}
              href={`/admin/comments?status=${status}`}
              aria-current={status === current ? 'page' : undefined}
              className="inline-block rounded-md border border-neutral-300 px-3 py-1.5 text-sm aria-[current=page]:bg-neutral-900 aria-[current=page]:text-white dark:border-neutral-700 dark:aria-[current=page]:bg-neutral-100 dark:aria-[current=page]:text-neutral-900"
            >
              {LABELS[status]} ({counts[status]})
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
