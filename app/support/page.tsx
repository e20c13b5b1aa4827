import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MdxBody } from '@/components/mdx/mdx-body';
import { getPage } from '@/lib/content/listings/queries';
import { alternates } from '@/lib/seo/urls';

export async function generateMetadata(): Promise<Metadata> {
  const page = getPage('support');
  return page
    ? { title: page.title, description: page.description, alternates: alternates('/support') }
    : {};
}

/** How readers can pay for the journalism: content/pages/support.mdx, written by the newsroom. */
export default function SupportPage() {
  const page = getPage('support') ?? notFound();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="font-serif text-4xl font-black">{page.title}</h1>
      <div className="article-body prose prose-neutral dark:prose-invert sm:prose-lg mt-6 max-w-none">
        <MdxBody code={page.code} />
      </div>
    </div>
  );
}
