import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { NewsroomPage } from '@/components/page/newsroom-page';
import { getPage, listPages } from '@/lib/content/listings/queries';
import { pageMetadata } from '@/lib/seo/page-metadata';

/**
 * The newsroom's own pages three folders deep and more (content/pages/about/team/editors.mdx:
 * /about/team/editors); shorter paths are rendered by the section and article routes. Only
 * pages get here: proxy.ts answers 404 for any other path (lib/routing/decide.ts).
 */
export const dynamicParams = true;

type Params = PageProps<'/[section]/[slug]/[...path]'>['params'];

const pathOf = async (params: Params) => {
  const { section, slug, path } = await params;
  return [section, slug, ...path].join('/');
};

export function generateStaticParams() {
  return listPages().flatMap((page) => {
    const [section, slug, ...path] = page.id.split('/');
    return section && slug && path.length > 0 ? [{ section, slug, path }] : [];
  });
}

export async function generateMetadata({
  params,
}: PageProps<'/[section]/[slug]/[...path]'>): Promise<Metadata> {
  const page = getPage(await pathOf(params), { preview: (await draftMode()).isEnabled });
  return page ? pageMetadata(page) : {};
}

export default async function DeepPage({ params }: PageProps<'/[section]/[slug]/[...path]'>) {
  const preview = (await draftMode()).isEnabled;
  const page = getPage(await pathOf(params), { preview }) ?? notFound();
  return <NewsroomPage page={page} preview={preview} />;
}
