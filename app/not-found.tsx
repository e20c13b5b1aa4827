import Link from 'next/link';
import { getSections, listArticles } from '@/lib/content/listings/queries';

export default function NotFound() {
  const sections = getSections();
  const latest = listArticles({ limit: 5 });
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <h1 className="font-serif text-4xl font-black">We can’t find that page</h1>
      <p className="mt-4 text-lg text-neutral-700 dark:text-neutral-300">
        The link may be mistyped, or the story may have moved. Try one of these instead.
      </p>
      <div className="mt-8 grid gap-8 sm:grid-cols-2">
        <section aria-labelledby="nf-sections">
          <h2 id="nf-sections" className="section-heading">
            Sections
          </h2>
          <ul className="space-y-2">
            <li>
              <Link prefetch={false} href="/" className="underline">
                Front page
              </Link>
            </li>
            {sections.map((section) => (
              <li key={section.id}>
                <Link prefetch={false} href={section.url} className="underline">
                  {section.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="nf-latest">
          <h2 id="nf-latest" className="section-heading">
            Latest stories
          </h2>
          <ul className="space-y-2">
            {latest.map((article) => (
              <li key={article.slug}>
                <Link prefetch={false} href={article.url} className="underline">
                  {article.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
