type TagListProps = { tags: string[] };

/** Topics of the story; tag pages arrive with discovery, so these are labels for now. */
export function TagList({ tags }: TagListProps) {
  return (
    <section aria-labelledby="tags-heading">
      <h2 id="tags-heading" className="text-sm font-bold tracking-wide uppercase">
        Topics
      </h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {tags.map((tag) => (
          <li
            key={tag}
            className="rounded-full border border-neutral-300 px-3 py-1 text-sm dark:border-neutral-700"
          >
            {tag.replace(/-/g, ' ')}
          </li>
        ))}
      </ul>
    </section>
  );
}
