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

/**
 * A YAML double-quoted string: JSON's escapes are YAML's, and anything outside printable
 * ASCII is escaped too, so the line is plain ASCII whatever the address holds.
 */
const quoted = (text: string) =>
  JSON.stringify(text.toWellFormed()).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

const HEADER = '# written by npm run import:wordpress\nredirects:\n';
const ENTRY = /^ {2}- from: ("(?:[^"\\]|\\.)*")\n {4}to: ("(?:[^"\\]|\\.)*")$/;

/**
 * The entries of the redirects file the last import wrote: read line by line when it is as
 * the importer writes it (a 100,000-redirect file in milliseconds, where a YAML parser takes
 * seconds), through the YAML parser when an editor has reshaped it; none when it is not YAML.
 */
export function readRedirects(text: string): RedirectEntry[] {
  if (text.startsWith(HEADER)) {
    const lines = text.slice(HEADER.length).split('\n');
    const entries: RedirectEntry[] = [];
    let ours = lines.at(-1) === '';
    for (let i = 0; ours && i + 1 < lines.length; i += 2) {
      const match = ENTRY.exec(`${lines[i]}\n${lines[i + 1]}`);
      if (match)
        entries.push({
          from: JSON.parse(match[1] ?? '') as string,
          to: JSON.parse(match[2] ?? '') as string,
        });
      else ours = false;
    }
    if (ours) return entries;
  }
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

/**
 * content/redirects/wordpress.yaml, sorted by old address: the same export writes the same
 * file. Written line by line (the YAML library takes seconds for 100,000 entries).
 */
export function redirectsFile(entries: readonly RedirectEntry[]) {
  const lines = entries.map(({ from, to }) => `  - from: ${quoted(from)}\n    to: ${quoted(to)}\n`);
  return {
    relative: REDIRECTS_FILE,
    text: entries.length === 0 ? `${HEADER.slice(0, -1)} []\n` : HEADER + lines.join(''),
  };
}
