import { getArticle } from '@/lib/content/listings/queries';
import { liveFeedResponse } from '@/lib/content/live/feed-response';
import { siteConfig } from '@/lib/site';

/**
 * What a live story's newest page holds now, for its open pages to poll (docs/decisions/032).
 * Answered on each request from the index (one readlink, then memory), never rendered, so a
 * publish is seen by the next poll on every instance sharing the content folder.
 */
export const dynamic = 'force-dynamic';

export async function GET(
  request: Request,
  { params }: RouteContext<'/[section]/[slug]/live.json'>,
) {
  const { section, slug } = await params;
  const { status, headers, body } = liveFeedResponse(
    getArticle(section, slug),
    request.headers.get('if-none-match'),
    siteConfig.liveEntriesPerPage,
  );
  return new Response(body ?? null, { status, headers });
}
