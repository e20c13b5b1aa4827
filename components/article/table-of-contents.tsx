import type { TocEntry } from '@/lib/content/mdx/toc';

type TableOfContentsProps = { entries: TocEntry[] };

export function TableOfContents({ entries }: TableOfContentsProps) {
  return (
    <nav aria-labelledby="toc-heading" className="toc">
      <h2 id="toc-heading" className="text-sm font-bold tracking-wide uppercase">
        In this article
      </h2>
      <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm">
        {entries.map((entry) => (
          <li key={entry.id}>
            <a href={`#${entry.id}`} className="hover:underline">
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
