import { feedInput } from '@/lib/seo/feed-input';
import { rssFeed } from '@/lib/seo/feeds';

export const dynamic = 'force-static';

export function GET() {
  return new Response(rssFeed(feedInput()), {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  });
}
