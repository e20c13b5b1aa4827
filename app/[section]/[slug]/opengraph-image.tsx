import { ImageResponse } from 'next/og';
import { notFound } from 'next/navigation';
import { getArticle, getPage, getSection } from '@/lib/content/listings/queries';
import { siteConfig } from '@/lib/site';

export const alt = 'Headline card';
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';
// Drawn on first request, not at build (10,000 cards would dominate the build), then served from
// Next's cache. Only real articles and pages get one: proxy.ts answers 404 for any other path before this
// runs. Redrawn at most once a day, as CDNs keep it, so a corrected headline reaches the card.
export const revalidate = 86400;
export const dynamicParams = true;

export function generateStaticParams(): { section: string; slug: string }[] {
  return [];
}

export default async function OpenGraphImage({
  params,
}: {
  params: Promise<{ section: string; slug: string }>;
}) {
  const { section: sectionId, slug } = await params;
  // An article's card, or a page's two folders deep (/about/team), which this route is also for.
  const article = getArticle(sectionId, slug);
  const title = article?.title ?? getPage(`${sectionId}/${slug}`)?.title ?? notFound();
  const label = article ? getSection(article.section)?.name : undefined;
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: 72,
        background: '#171717',
        color: '#fafaf9',
      }}
    >
      <div
        style={{
          display: 'flex',
          fontSize: 30,
          letterSpacing: 4,
          textTransform: 'uppercase',
          color: '#ff8a80',
        }}
      >
        {label ?? siteConfig.name}
      </div>
      <div
        style={{
          display: 'flex',
          fontSize: title.length > 80 ? 56 : 68,
          lineHeight: 1.15,
          fontWeight: 700,
        }}
      >
        {title}
      </div>
      <div style={{ display: 'flex', alignItems: 'center', gap: 20, fontSize: 34 }}>
        <div style={{ display: 'flex', width: 56, height: 8, background: '#b3261e' }} />
        {siteConfig.name}
      </div>
    </div>,
    {
      ...size,
      headers: {
        'cache-control': 'public, max-age=86400, s-maxage=86400, stale-while-revalidate=604800',
      },
    },
  );
}
