import { fromHtml } from 'hast-util-from-html';
import type { ElementContent } from 'hast';
import { renderBlocks } from './blocks';
import { autoembed } from './classic';
import { cleanTree } from './clean';
import type { CleanState } from './clean-types';
import { linkFootnotes, readFootnotes } from './footnotes';
import { normalizeHeadings } from './headings';
import { LostList } from './lost';
import { plainTextMdx } from './plain-text';
import { CODE_SHORTCODES, coreShortcodes } from './shortcode-handlers';
import { replaceShortcodes } from './shortcodes';
import { shapeTables } from './tables';
import { tidy } from './tidy';
import { htmlToMdast } from './to-mdast';
import { toMdx } from './to-mdx';
import type { BodyContext, ConvertedBody } from './types';

/** HTML as the tree the rules work on, cleaned: nothing in it is trusted before this. */
function cleanHtml(html: string, state: CleanState) {
  const tree = fromHtml(html, { fragment: true });
  cleanTree(tree, state);
  return tree;
}

function convert(
  html: string,
  context: BodyContext,
  lost: LostList,
  pictures: Set<string>,
): string {
  // WordPress's order for the_content: blocks, embeds, wpautop (for classic parts), shortcodes.
  const shown = replaceShortcodes(
    autoembed(renderBlocks(html, lost), lost),
    {
      ...coreShortcodes({ attachments: context.attachments, attached: context.attached, lost }),
      ...CODE_SHORTCODES,
    },
    (tag) => lost.add(`shortcode [${tag}] (kept as text)`),
  );
  const state: CleanState = { context, lost, pictures };
  const tree = cleanHtml(shown, state);
  linkFootnotes(
    tree,
    readFootnotes(context.footnotes),
    (note) => cleanHtml(note, state).children as ElementContent[],
    lost,
  );
  shapeTables(tree, lost);
  normalizeHeadings(tree);
  const markdown = htmlToMdast(tree);
  tidy(markdown);
  return toMdx(markdown);
}

/**
 * A WordPress post's content (classic HTML or block-editor markup) as MDX the content check
 * accepts: paragraphs, headings, lists, quotes, tables, pictures with captions, galleries, code,
 * footnotes; embeds and players as links; scripts, frames, styles and event handlers gone; text
 * MDX would read as code escaped. Never throws: a body nested past what the parsers survive
 * comes across as its words alone, and `lost` says so.
 */
export function convertBody(html: string, context: BodyContext): ConvertedBody {
  const lost = new LostList();
  const pictures = new Set<string>();
  try {
    const mdx = convert(html, context, lost, pictures);
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
