import { feedInput } from '@/lib/seo/feed-input';
import { jsonFeed } from '@/lib/seo/feeds';

export const dynamic = 'force-static';

export function GET() {
  return new Response(JSON.stringify(jsonFeed(feedInput())), {
    headers: { 'content-type': 'application/feed+json; charset=utf-8' },
  });
}
