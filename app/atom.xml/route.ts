import { feedInput } from '@/lib/seo/feed-input';
import { atomFeed } from '@/lib/seo/feeds';

export const dynamic = 'force-static';

export function GET() {
  return new Response(atomFeed(feedInput()), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  });
}
