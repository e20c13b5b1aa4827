import { formatDate } from '@/lib/content/schema/dates';

type ArticleDatesProps = { published: string; updated?: string; readingMinutes: number };

export function ArticleDates({ published, updated, readingMinutes }: ArticleDatesProps) {
  return (
    <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-neutral-600 dark:text-neutral-400">
      <span>
        Published <time dateTime={published}>{formatDate(published)}</time>
      </span>
      {updated ? (
        <span>
          Updated <time dateTime={updated}>{formatDate(updated)}</time>
        </span>
      ) : null}
      <span>{readingMinutes} min read</span>
    </p>
  );
}
