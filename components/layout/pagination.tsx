import Link from 'next/link';

type PaginationProps = {
  page: number;
  totalPages: number;
  /** The listing's own URL; page n lives at `${base}/page/n`. */
  base: string;
  /** What the pages list: "← Newer stories", "Older updates →". */
  noun?: 'stories' | 'updates';
};

export const pageHref = (base: string, page: number) => (page <= 1 ? base : `${base}/page/${page}`);

export function Pagination({ page, totalPages, base, noun = 'stories' }: PaginationProps) {
  if (totalPages <= 1) return null;
  return (
    <nav
      aria-label="Pages"
      className="mt-10 flex items-center justify-between gap-4 border-t border-neutral-200 pt-4 dark:border-neutral-800"
    >
      {page > 1 ? (
        <Link
          prefetch={false}
          href={pageHref(base, page - 1)}
          rel="prev"
          className="font-semibold underline-offset-2 hover:underline"
        >
          {`← Newer ${noun}`}
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Page {page} of {totalPages}
      </p>
      {page < totalPages ? (
        <Link
          prefetch={false}
          href={pageHref(base, page + 1)}
          rel="next"
          className="font-semibold underline-offset-2 hover:underline"
        >
          {`Older ${noun} →`}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
