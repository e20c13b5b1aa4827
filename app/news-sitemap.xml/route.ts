import { listArticles } from '@/lib/content/listings/queries';
import { newsSitemapXml } from '@/lib/seo/sitemap';
import { siteConfig } from '@/lib/site';

// "The last 48 hours" moves on by itself; regenerate every ten minutes.
export const revalidate = 600;

export function GET() {
  return new Response(newsSitemapXml(listArticles({ limit: 1000 }), new Date(), siteConfig), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
}
