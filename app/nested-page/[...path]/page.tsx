import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { NewsroomPage } from '@/components/page/newsroom-page';
import { getPage, listPages } from '@/lib/content/listings/queries';
import { nestedPagePath } from '@/lib/routing/nested-pages';
import { pageMetadata } from '@/lib/seo/page-metadata';

/**
 * The newsroom's own pages three folders deep and more (content/pages/about/team/editors.mdx:
 * /about/team/editors), which next.config.js rewrites here (lib/routing/nested-pages.ts); shorter
 * paths are rendered by the section and article routes.
 */
export const dynamicParams = true;

type Params = PageProps<'/nested-page/[...path]'>['params'];

const idOf = async (params: Params) => (await params).path.join('/');

export function generateStaticParams() {
  return listPages().flatMap((page) =>
    nestedPagePath(page.url) ? [{ path: page.id.split('/') }] : [],
  );
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const page = getPage(await idOf(params), { preview: (await draftMode()).isEnabled });
  return page ? pageMetadata(page) : {};
}

export default async function NestedPage({ params }: { params: Params }) {
  const preview = (await draftMode()).isEnabled;
  const page = getPage(await idOf(params), { preview }) ?? notFound();
  return <NewsroomPage page={page} preview={preview} />;
}
