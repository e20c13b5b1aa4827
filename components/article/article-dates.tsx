import { formatDate, formatDateTime } from '@/lib/content/schema/dates';

type ArticleDatesProps = {
  published: string;
  updated?: string;
  /** Absent for a live story, which is read as it grows rather than in one sitting. */
  readingMinutes?: number;
  /** With the time of day: a live story's "Updated" changes by the minute. */
  precise?: boolean;
};

export function ArticleDates({
  published,
  updated,
  readingMinutes,
  precise = false,
}: ArticleDatesProps) {
  const format = precise ? formatDateTime : formatDate;
  return (
    <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-neutral-600 dark:text-neutral-400">
      <span>
        Published <time dateTime={published}>{format(published)}</time>
      </span>
      {updated ? (
        <span>
          Updated <time dateTime={updated}>{format(updated)}</time>
        </span>
      ) : null}
      {readingMinutes === undefined ? null : <span>{readingMinutes} min read</span>}
    </p>
  );
}
