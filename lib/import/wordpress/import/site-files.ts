import { parse } from 'yaml';
import { mdxFile, toYaml } from './frontmatter';
import type { AuthorPlan } from './plan';
import type { SectionPlan } from './taxonomy';

export const REDIRECTS_FILE = 'content/redirects/wordpress.yaml';

const ORIGIN = 'imported from WordPress by npm run import:wordpress';

/** content/authors/<id>.mdx: the display name (WordPress exports carry no biography). */
export function authorFile(author: AuthorPlan) {
  return {
    relative: `content/authors/${author.id}.mdx`,
    text: mdxFile(ORIGIN, { name: author.name }, ''),
  };
}

/** content/sections/<id>.yaml from a top-level category. */
export function sectionFile(section: SectionPlan) {
  return {
    relative: `content/sections/${section.id}.yaml`,
    text: `# ${ORIGIN}\n${toYaml({ name: section.name, description: section.description })}`,
  };
}

export type RedirectEntry = { from: string; to: string };

/** The entries of a redirects file the last import wrote, or none when it cannot be read. */
export function readRedirects(text: string): RedirectEntry[] {
  try {
    const data: unknown = parse(text);
    const list = (data as { redirects?: unknown } | null)?.redirects;
    if (!Array.isArray(list)) return [];
    return list.flatMap((entry: unknown) => {
      const { from, to } = (entry ?? {}) as { from?: unknown; to?: unknown };
      return typeof from === 'string' && typeof to === 'string' ? [{ from, to }] : [];
    });
  } catch {
    return [];
  }
}

/** content/redirects/wordpress.yaml, sorted by old address: the same export writes the same file. */
export function redirectsFile(entries: readonly RedirectEntry[]) {
  return {
    relative: REDIRECTS_FILE,
    text: `# written by npm run import:wordpress\n${toYaml({ redirects: entries })}`,
  };
}
