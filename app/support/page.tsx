import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { NewsroomPage } from '@/components/page/newsroom-page';
import { getPage } from '@/lib/content/listings/queries';
import { pageMetadata } from '@/lib/seo/page-metadata';

export async function generateMetadata(): Promise<Metadata> {
  const page = getPage('support', { preview: (await draftMode()).isEnabled });
  return page ? pageMetadata(page) : {};
}

/** How readers can pay for the journalism: content/pages/support.mdx, written by the newsroom. */
export default async function SupportPage() {
  const preview = (await draftMode()).isEnabled;
  const page = getPage('support', { preview }) ?? notFound();
  return <NewsroomPage page={page} preview={preview} />;
}
