type SearchBoxProps = { defaultValue?: string; id?: string };

/** A plain GET form: search works before, and without, JavaScript. */
export function SearchBox({ defaultValue, id = 'site-search' }: SearchBoxProps) {
  return (
    <form
      action="/search"
      method="get"
      role="search"
      aria-label="Site search"
      className="search-box flex items-center gap-2"
    >
      <label htmlFor={id} className="sr-only">
        Search articles
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="Search"
        className="w-32 rounded-md border border-neutral-400 bg-white px-2 py-1.5 text-sm sm:w-48 dark:border-neutral-600 dark:bg-neutral-900"
      />
      <button
        type="submit"
        className="rounded-md border border-neutral-400 px-3 py-1.5 text-sm font-semibold dark:border-neutral-600"
      >
        Search
      </button>
    </form>
  );
}
