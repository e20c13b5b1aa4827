import GithubSlugger from 'github-slugger';

export type TocEntry = { id: string; text: string };

const FENCE = /^(```|~~~)/;
const H2 = /^##\s+(.+?)\s*#*\s*$/;

/** Markdown an editor may put in a heading, reduced to the text rehype-slug sees. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]/g, '')
    .trim();
}

/**
 * The article's h2 headings with the ids rehype-slug gives them. Both use github-slugger over
 * every heading in order, so ids match even when two headings share a title.
 */
export function extractToc(markdown: string): TocEntry[] {
  const slugger = new GithubSlugger();
  const entries: TocEntry[] = [];
  let inFence = false;
  for (const line of markdown.split('\n')) {
    if (FENCE.test(line.trim())) inFence = !inFence;
    if (inFence) continue;
    const heading = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const text = plainText(heading[2] ?? '');
    const id = slugger.slug(text);
    if (H2.test(line) && heading[1] === '##') entries.push({ id, text });
  }
  return entries;
}
