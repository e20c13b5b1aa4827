import { notFound } from 'next/navigation';
import { getSection, getSections } from '@/lib/content/listings/queries';
import { feedInput } from '@/lib/seo/feed-input';
import { rssFeed } from '@/lib/seo/feeds';

export const dynamic = 'force-static';
/**
 * A section or author published after the build renders on its first request; invented ones
 * never get here (proxy.ts answers them 404 from the content index).
 */
export const dynamicParams = true;

export function generateStaticParams() {
  return getSections().map((section) => ({ section: section.id }));
}

export async function GET(_request: Request, { params }: RouteContext<'/[section]/feed.xml'>) {
  const section = getSection((await params).section) ?? notFound();
  return new Response(rssFeed(feedInput(section)), {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  });
}
