import { newerFirst, parseInstant } from '../schema/dates';
import { isUpdate } from './live-rules';
import { contentOf, lineOf, type JsxElement, type MdxNode } from './tree';

/** An <Update> as the body writes it: what the index keeps and the checks of a live story read. */
export type UpdateBlock = {
  /** Its line in the body; the build moves it onto the file's lines. */
  line: number;
  /** Its moment in one form (2026-12-07T09:30:00.000Z); null when missing or malformed. */
  time: string | null;
  title?: string;
  keyEvent: boolean;
  pinned: boolean;
  /**
   * Its words, for the newest TEXT_KEPT entries only (what structured data quotes): a story of a
   * thousand entries does not carry its whole text a second time through the build and the index.
   */
  text?: string;
  /** Its HTML as the page renders it, for the newest entries only (lib/content/live/entry-html.ts). */
  html?: string;
};

/** How many of the newest entries keep their words, and how many characters of them. */
export const TEXT_KEPT = 10;
export const TEXT_MAX = 1000;

/** An attribute written in quotes; null when written alone (a flag); undefined when absent or code. */
function attribute(element: JsxElement, name: string): string | null | undefined {
  for (const a of element.attributes) {
    if (a.type !== 'mdxJsxAttribute' || a.name !== name) continue;
    if (a.value === null || a.value === undefined) return null;
    return typeof a.value === 'string' ? a.value : undefined;
  }
  return undefined;
}

/** Nodes whose children run on within a line; blocks' children are set apart by a space. */
const INLINE = new Set(
  'paragraph heading tableCell emphasis strong delete link linkReference mdxJsxTextElement'.split(
    ' ',
  ),
);

/** The words a reader reads: no markup, link targets or attributes. */
function wordsOf(node: MdxNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') {
    return typeof node.value === 'string' ? node.value : '';
  }
  return (node.children ?? []).map(wordsOf).join(INLINE.has(node.type) ? '' : ' ');
}

/** At most TEXT_MAX characters, cut at a space and marked as cut. */
function excerpt(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim();
  if (words.length <= TEXT_MAX) return words;
  const cut = words.slice(0, TEXT_MAX);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : TEXT_MAX)}…`;
}

/**
 * The entries of a live story, in the order written: every <Update> at the top of the body
 * (one anywhere else is refused by the MDX check), read at build time so no page parses a body
 * to list key events or to know the latest entry.
 */
export function extractUpdates(root: MdxNode): UpdateBlock[] {
  const blocks = contentOf(root)
    .filter(isUpdate)
    .map((element) => {
      const time = attribute(element as JsxElement, 'time');
      const title = attribute(element as JsxElement, 'title');
      return {
        element,
        block: {
          line: lineOf(element) ?? 1,
          time: typeof time === 'string' ? parseInstant(time) : null,
          ...(typeof title === 'string' && title.trim() !== '' ? { title: title.trim() } : {}),
          keyEvent: attribute(element as JsxElement, 'keyEvent') === null,
          pinned: attribute(element as JsxElement, 'pinned') === null,
        } satisfies UpdateBlock,
      };
    });
  const newest = new Set(
    blocks
      .filter(({ block }) => block.time !== null)
      .sort((a, b) => newerFirst(a.block.time ?? '', b.block.time ?? ''))
      .slice(0, TEXT_KEPT)
      .map(({ element }) => element),
  );
  return blocks.map(({ element, block }) =>
    newest.has(element) ? { ...block, text: excerpt(wordsOf(element)) } : block,
  );
}
