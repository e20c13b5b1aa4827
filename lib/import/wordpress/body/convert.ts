import { htmlFragment } from './html';
import type { ElementContent, Root } from 'hast';
import { renderBlocks } from './blocks';
import { autoembed } from './classic';
import { cleanTree } from './clean';
import type { CleanState } from './clean-types';
import { footnoteDefinitions, footnoteState, markFootnotes, readFootnotes } from './footnotes';
import { headingState, normalizeHeadings, type HeadingState } from './headings';
import { LostList } from './lost';
import { PIECE_SIZE, splitHtml } from './pieces';
import { plainTextMdx } from './plain-text';
import { CODE_SHORTCODES, coreShortcodes } from './shortcode-handlers';
import { replaceShortcodes } from './shortcodes';
import { shapeTables } from './tables';
import { tidy } from './tidy';
import { htmlToMdast } from './to-mdast';
import { toMdx } from './to-mdx';
import type { BodyContext, ConvertedBody } from './types';

/** HTML as the tree the rules work on, cleaned: nothing in it is trusted before this. */
function cleanHtml(html: string, state: CleanState): Root {
  const tree = htmlFragment(html);
  cleanTree(tree, state);
  return tree;
}

/** What WordPress shows for the post's content: blocks, embeds, wpautop for classic parts, shortcodes. */
function shownHtml(html: string, context: BodyContext, lost: LostList): string {
  return replaceShortcodes(
    autoembed(renderBlocks(html, lost), lost),
    {
      ...coreShortcodes({ attachments: context.attachments, attached: context.attached, lost }),
      ...CODE_SHORTCODES,
    },
    (tag) => lost.add(`shortcode [${tag}] (kept as text)`),
  );
}

const markdownOf = (tree: Root, lost: LostList) => {
  const markdown = htmlToMdast(tree);
  tidy(markdown, lost);
  return toMdx(markdown);
};

function convert(
  html: string,
  context: BodyContext,
  lost: LostList,
  pictures: Set<string>,
  pieceSize: number,
) {
  const state: CleanState = { context, lost, pictures };
  const shown = shownHtml(html, context, lost);
  const footnotes = footnoteState(readFootnotes(context.footnotes));
  const headings: HeadingState = headingState(shown);
  const { pieces, cutInside } = splitHtml(shown, pieceSize);
  if (cutInside)
    lost.add('the layout of a body too long and too deeply nested to read whole (read in parts)');
  const parts = pieces.map((piece) => {
    const tree = cleanHtml(piece, state);
    markFootnotes(tree, footnotes, lost);
    shapeTables(tree, lost);
    normalizeHeadings(tree, headings);
    return markdownOf(tree, lost);
  });
  const notes = footnoteDefinitions(
    footnotes,
    (note) => cleanHtml(note, state).children as ElementContent[],
  );
  if (notes.children.length > 0) parts.push(markdownOf(notes, lost));
  return parts.filter((part) => part.trim() !== '').join('\n');
}

/**
 * A WordPress post's content (classic HTML or block-editor markup) as MDX the content check
 * accepts: paragraphs, headings, lists, quotes, tables, pictures with captions, galleries, code,
 * footnotes; embeds and players as links; scripts, frames, styles and event handlers gone; text
 * MDX would read as code escaped. Never throws: a body nested past what the parsers survive
 * comes across as its words alone, and `lost` says so.
 */
export function convertBody(html: string, context: BodyContext): ConvertedBody {
  return convertInPieces(html, context, PIECE_SIZE);
}

/** convertBody, reading the body in pieces of `pieceSize` characters (tests use small ones). */
export function convertInPieces(
  html: string,
  context: BodyContext,
  pieceSize: number,
): ConvertedBody {
  const lost = new LostList();
  const pictures = new Set<string>();
  try {
    const mdx = convert(html, context, lost, pictures, pieceSize);
    return { mdx, lost: lost.list(), pictures: [...pictures] };
  } catch (error) {
    const reason = error instanceof RangeError ? 'it nests too deeply' : 'it could not be read';
    return {
      mdx: plainTextMdx(html),
      lost: [`the body's formatting, pictures and links (${reason}; its words kept as plain text)`],
      pictures: [],
    };
  }
}
