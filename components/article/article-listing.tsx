import type { ReactNode } from 'react';
import { AdSlot } from '@/components/ads/ad-slot';
import { Pagination } from '@/components/layout/pagination';
import { promotionFor } from '@/lib/ads/placement';
import type { AdsConfig } from '@/lib/ads/schema';
import type { Page } from '@/lib/content/listings/paginate';
import type { ArticleMeta } from '@/lib/content/schema/types';
import { ArticleList } from './article-list';

type ArticleListingProps = {
  title: string;
  description?: ReactNode;
  listing: Page<ArticleMeta>;
  /** The listing's URL, for the page links. */
  base: string;
  sectionNames?: Map<string, string>;
  /** The advertising settings (lib/ads/settings.ts): slots between the cards. */
  ads?: AdsConfig;
};

/** A section, tag or author's stories, newest first, a page at a time. */
export function ArticleListing({
  title,
  description,
  listing,
  base,
  sectionNames,
  ads,
}: ArticleListingProps) {
  const slot = ads?.slots.listing;
  const path = listing.page > 1 ? `${base}/page/${listing.page}` : base;
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
          between={
            ads && slot
              ? {
                  every: slot.every,
                  render: (n) => (
                    <AdSlot
                      placement="listing"
                      id={`listing-${n}`}
                      sizes={slot.size}
                      provider={ads.provider}
                      promotion={promotionFor(ads.promotions, path, n)}
                    />
                  ),
                }
              : undefined
          }
        />
      ) : (
        <p>No stories here yet.</p>
      )}
      <Pagination page={listing.page} totalPages={listing.totalPages} base={base} />
    </div>
  );
}
