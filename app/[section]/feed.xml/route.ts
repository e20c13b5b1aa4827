import { notFound } from 'next/navigation';
import { getSection, getSections } from '@/lib/content/queries';
import { feedInput } from '@/lib/seo/feed-input';
import { rssFeed } from '@/lib/seo/feeds';

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return getSections().map((section) => ({ section: section.id }));
}

export async function GET(_request: Request, { params }: RouteContext<'/[section]/feed.xml'>) {
  const section = getSection((await params).section) ?? notFound();
  return new Response(rssFeed(feedInput(section)), {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
  });
}
