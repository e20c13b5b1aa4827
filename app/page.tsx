import type { Metadata } from 'next';
import { ArticleCard } from '@/components/article/article-card';
import { AdSlot } from '@/components/ads/ad-slot';
import { ArticleList } from '@/components/article/article-list';
import { SectionBlock } from '@/components/home/section-block';
import { JsonLd } from '@/components/seo/json-ld';
import { getAds } from '@/lib/ads/settings';
import { promotionFor } from '@/lib/ads/placement';
import { getSections, listArticles, listFrontPage } from '@/lib/content/listings/queries';
import { webSiteJsonLd } from '@/lib/seo/json-ld';
import { siteConfig } from '@/lib/site';
import { alternates } from '@/lib/seo/urls';

export const metadata: Metadata = { alternates: alternates('/') };

export default function FrontPage() {
  const sections = getSections();
  const sectionNames = new Map(sections.map((s) => [s.id, s.name]));
  const [lead, ...latest] = listFrontPage(siteConfig.latestCount + 1);
  // A story appears once on the front page: section blocks skip what the top already shows.
  const shown = [lead, ...latest].flatMap((a) => (a ? [a.slug] : []));
  const ads = getAds();
  const slot = ads?.slots.listing;
  return (
    <div className="mx-auto max-w-6xl space-y-12 px-4 py-8">
      <JsonLd data={webSiteJsonLd(siteConfig)} />
      <h1 className="sr-only">Masthead: the latest news</h1>
      {lead ? (
        <section aria-label="Top story">
          <ArticleCard
            article={lead}
            variant="lead"
            eager
            sectionName={sectionNames.get(lead.section)}
            headingLevel="h2"
          />
        </section>
      ) : null}
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading" className="section-heading">
          Latest
        </h2>
        <ArticleList articles={latest} sectionNames={sectionNames} />
      </section>
      {/* The front page's listing slot: between the latest stories and the sections. */}
      {ads && slot ? (
        <AdSlot
          placement="listing"
          id="listing-1"
          sizes={slot.size}
          provider={ads.provider}
          promotion={promotionFor(ads.promotions, '/', 1)}
        />
      ) : null}
      {sections.map((section) => (
        <SectionBlock
          key={section.id}
          section={section}
          articles={listArticles({
            section: section.id,
            limit: siteConfig.sectionBlockCount,
            exclude: shown,
          })}
        />
      ))}
    </div>
  );
}
