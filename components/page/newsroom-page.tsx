import { PreviewBanner } from '@/components/article/preview-banner';
import { MdxBody } from '@/components/mdx/mdx-body';
import type { PageMeta } from '@/lib/content/schema/types';

type NewsroomPageProps = { page: PageMeta; preview: boolean };

/** A page of the newsroom's own (content/pages/): /support, /about/team. */
export function NewsroomPage({ page, preview }: NewsroomPageProps) {
  return (
    <>
      {preview ? <PreviewBanner path={page.url} published={!page.draft} /> : null}
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="font-serif text-4xl font-black">{page.title}</h1>
        <div className="article-body prose prose-neutral dark:prose-invert sm:prose-lg mt-6 max-w-none">
          <MdxBody code={page.code} />
        </div>
      </div>
    </>
  );
}
