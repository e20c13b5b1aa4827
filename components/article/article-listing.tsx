import type { ReactNode } from 'react';
import { Pagination } from '@/components/layout/pagination';
import type { Page } from '@/lib/content/paginate';
import type { ArticleMeta } from '@/lib/content/types';
import { ArticleList } from './article-list';

type ArticleListingProps = {
  title: string;
  description?: ReactNode;
  listing: Page<ArticleMeta>;
  /** The listing's URL, for the page links. */
  base: string;
  sectionNames?: Map<string, string>;
};

/** A section, tag or author's stories, newest first, a page at a time. */
export function ArticleListing({
  title,
  description,
  listing,
  base,
  sectionNames,
}: ArticleListingProps) {
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <header className="mb-8 border-b border-neutral-200 pb-6 dark:border-neutral-800">
        <h1 className="font-serif text-4xl font-black">
          {title}
          {listing.page > 1 ? <span className="sr-only">, page {listing.page}</span> : null}
        </h1>
        {description ? (
          <div className="mt-2 text-neutral-700 dark:text-neutral-300">{description}</div>
        ) : null}
      </header>
      {listing.items.length > 0 ? (
        <ArticleList
          articles={listing.items}
          headingLevel="h2"
          sectionNames={sectionNames}
          eagerFirst
        />
      ) : (
        <p>No stories here yet.</p>
      )}
      <Pagination page={listing.page} totalPages={listing.totalPages} base={base} />
    </div>
  );
}
