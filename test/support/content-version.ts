import type { ContentIndex } from '@/lib/content/schema/types';
import { VERSION_FILES } from '@/lib/content/store/layout';
import { newVersionId, writeBodies, writeVersion } from '@/lib/content/store/write';

/**
 * A content version written the way the content build writes one, from files given by name
 * (index.json, routes.json, …), for tests of the code that reads versions. Returns its id.
 */
export function writeTestVersion(
  root: string,
  files: Record<string, string>,
  {
    bodies = new Map<string, string>(),
    previous,
  }: { bodies?: Map<string, string>; previous?: string } = {},
): string {
  const id = newVersionId();
  writeBodies(root, bodies);
  writeVersion(
    root,
    {
      id,
      ...(previous ? { previous } : {}),
      createdAt: new Date().toISOString(),
      fullSearch: VERSION_FILES.search in files,
      articles: 0,
      changed: { added: [], edited: [], removed: [] },
    },
    files,
  );
  return id;
}

/** An index with one body per article (named after its slug), as a version. */
export function writeTestIndex(root: string, index: ContentIndex): string {
  const bodies = new Map(index.articles.map((a) => [a.body, `body of ${a.slug}`]));
  return writeTestVersion(root, { [VERSION_FILES.index]: JSON.stringify(index) }, { bodies });
}
