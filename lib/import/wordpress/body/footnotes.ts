import type { Element, ElementContent, Root } from 'hast';
import { z } from 'zod';
import { element, isElement } from './hast';
import type { LostList } from './lost';

/** What WordPress 6.3+ keeps in a post's `footnotes` meta: the notes' text, by id, in order. */
const footnotesSchema = z
  .array(z.object({ id: z.string().max(200), content: z.string().max(100_000) }))
  .max(5_000);

export type Footnote = z.infer<typeof footnotesSchema>[number];

/** The notes in the meta value, or null when there is none or it is not what WordPress writes. */
export function readFootnotes(meta: string | undefined): Footnote[] | null {
  if (meta === undefined || meta.trim() === '') return null;
  try {
    const parsed = footnotesSchema.safeParse(JSON.parse(meta));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function references(node: Root | Element, out: Element[]): Element[] {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.tagName === 'FootnoteRef') out.push(child);
    else references(child, out);
  }
  return out;
}

/** The notes' numbers, and which notes the body's marks have named so far. */
export type FootnoteState = {
  notes: Footnote[] | null;
  numbers: Map<string, string>;
  used: Set<string>;
};

export const footnoteState = (notes: Footnote[] | null): FootnoteState => ({
  notes,
  numbers: new Map((notes ?? []).map((note, i) => [note.id, String(i + 1)])),
  used: new Set(),
});

/**
 * Links each footnote mark in (a piece of) the body — the block editor's `<sup data-fn>` — to
 * its note's number. A mark whose note cannot be found stays as its number, in <sup>, and the
 * report says the note is missing.
 */
export function markFootnotes(root: Root, state: FootnoteState, lost: LostList): void {
  for (const mark of references(root, [])) {
    const id = typeof mark.properties.id === 'string' ? mark.properties.id : '';
    const number = state.numbers.get(id);
    if (number === undefined) {
      mark.tagName = 'sup';
      mark.properties = {};
      lost.add(
        state.notes === null
          ? "footnotes' text (not in the body: WordPress keeps it in the post's footnotes field, which was not given)"
          : "a footnote's text (not in the post's footnotes field)",
      );
      continue;
    }
    mark.properties = { identifier: number };
    state.used.add(id);
  }
}

/** The notes the body named, in order, each as HTML for the cleaner (`toNote`). */
export function footnoteDefinitions(
  state: FootnoteState,
  toNote: (html: string) => ElementContent[],
): Root {
  const children = (state.notes ?? []).flatMap((note) => {
    const number = state.numbers.get(note.id);
    if (number === undefined || !state.used.has(note.id)) return [];
    return [element('FootnoteDefinition', { identifier: number }, toNote(note.content))];
  });
  return { type: 'root', children };
}
