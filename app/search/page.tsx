import type { Metadata } from 'next';
import { SearchResultList } from '@/components/search/search-result-list';
import { getSections } from '@/lib/content/listings/queries';
import { searchArticles } from '@/lib/content/search/results';
import { correctionNotice, leftOutNotice } from '@/lib/content/search/notices';
import { MAX_QUERY_LENGTH } from '@/lib/content/search/query';

export const metadata: Metadata = { title: 'Search', robots: { index: false, follow: true } };

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) ?? '';

/** Rendered on the server from the query string, so it works without JavaScript. */
export default async function SearchPage({ searchParams }: PageProps<'/search'>) {
  const params = await searchParams;
  const query = first(params.q).trim().slice(0, MAX_QUERY_LENGTH);
  const sections = getSections();
  const section = sections.find((s) => s.id === first(params.section));
  const { hits, total, words, leftOut, corrections } = searchArticles(
    query,
    section ? { section: section.id } : {},
  );
  const sectionNames = new Map(sections.map((s) => [s.id, s.name]));
  const notices = [correctionNotice(words, corrections), leftOutNotice(words, leftOut)].filter(
    (notice) => notice !== undefined,
  );
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="font-serif text-4xl font-black">Search</h1>
      <form
        action="/search"
        method="get"
        role="search"
        aria-label="Search articles"
        className="mt-6 flex flex-wrap items-end gap-3"
      >
        <div className="grow">
          <label htmlFor="search-query" className="block font-semibold">
            Search for
          </label>
          <input
            id="search-query"
            name="q"
            type="search"
            maxLength={MAX_QUERY_LENGTH}
            defaultValue={query}
            className="mt-1 block w-full rounded-md border border-neutral-400 bg-white px-3 py-2 dark:border-neutral-600 dark:bg-neutral-900"
          />
        </div>
        <div>
          <label htmlFor="search-section" className="block font-semibold">
            Section
          </label>
          <select
            id="search-section"
            name="section"
            defaultValue={section?.id ?? ''}
            className="mt-1 block rounded-md border border-neutral-400 bg-white px-3 py-2 dark:border-neutral-600 dark:bg-neutral-900"
          >
            <option value="">All sections</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="rounded-md bg-neutral-900 px-5 py-2 font-semibold text-white dark:bg-neutral-100 dark:text-neutral-900"
        >
          Search
        </button>
      </form>
      <div className="mt-8">
        {query ? (
          <>
            <p role="status" className="mb-6 text-neutral-700 dark:text-neutral-300">
              {total === 0
                ? `No stories match “${query}”${section ? ` in ${section.name}` : ''}.`
                : `${total} ${total === 1 ? 'story matches' : 'stories match'} “${query}”${section ? ` in ${section.name}` : ''}${total > hits.length ? `; the best ${hits.length} are shown` : ''}.`}
            </p>
            {notices.map((notice) => (
              <p key={notice} className="mb-6 text-neutral-700 dark:text-neutral-300">
                {notice}
              </p>
            ))}
            <SearchResultList hits={hits} sectionNames={sectionNames} />
          </>
        ) : (
          <p>Type a word or two: names, places, topics. Small typos are fine.</p>
        )}
      </div>
    </div>
  );
}
