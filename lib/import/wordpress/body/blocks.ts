import { parse } from '@wordpress/block-serialization-default-parser';
import { blockKind } from './block-kinds';
import { classicHtml } from './classic';
import { escapeAttribute, escapeText, hasText } from './html';
import type { LostList } from './lost';
import { replaceShortcodes } from './shortcodes';
import { CODE_SHORTCODES } from './shortcode-handlers';

type Block = {
  blockName: string | null;
  attrs: Record<string, unknown> | null;
  innerBlocks: Block[];
  innerHTML: string;
  innerContent: (string | null)[];
};

/** Columns in groups in columns: deeper than this, a block's HTML is taken as it is. */
const MAX_DEPTH = 32;

const text = (attrs: Block['attrs'], name: string): string => {
  const value = attrs?.[name];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
};

/** Content from the classic editor (a whole classic post, or a Classic block): wpautop's paragraphs. */
const classic = (html: string, lost: LostList) =>
  hasText(html) ? classicHtml(replaceShortcodes(html, CODE_SHORTCODES), lost) : html;

/**
 * All the HTML a block and the blocks inside it saved, in order, without looking at what they
 * are: for blocks nested past MAX_DEPTH, walked with a stack so no nesting can exhaust ours.
 */
function savedHtml(root: Block): string {
  const out: string[] = [];
  const stack: { block: Block; at: number; inner: number }[] = [{ block: root, at: 0, inner: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (!frame) break;
    const piece = frame.block.innerContent[frame.at];
    if (frame.at >= frame.block.innerContent.length) {
      stack.pop();
      continue;
    }
    frame.at += 1;
    if (piece === null || piece === undefined) {
      const inner = frame.block.innerBlocks[frame.inner];
      frame.inner += 1;
      if (inner) stack.push({ block: inner, at: 0, inner: 0 });
    } else {
      out.push(piece);
    }
  }
  return out.join('');
}

const link = (url: string, label: string) =>
  url ? `<p><a href="${escapeAttribute(url)}">${escapeText(label || url)}</a></p>` : '';

function render(block: Block, depth: number, lost: LostList): string {
  const name = block.blockName;
  if (name === null || name === 'core/freeform') return classic(block.innerHTML, lost);
  if (depth > MAX_DEPTH) return savedHtml(block);
  const inner = () => {
    let next = 0;
    return block.innerContent
      .map((piece) => piece ?? renderInner(block.innerBlocks[next++], depth + 1, lost))
      .join('');
  };
  switch (name) {
    case 'core/shortcode':
      return classic(block.innerHTML, lost);
    case 'core/missing': {
      lost.add(
        `block ${text(block.attrs, 'originalName') || 'of an unknown kind'} (kept its text)`,
      );
      return text(block.attrs, 'originalContent');
    }
    case 'core/block':
      lost.add(
        `synced pattern #${text(block.attrs, 'ref') || '?'} (its content is kept apart from the post)`,
      );
      return '';
    case 'core/social-link':
      return link(
        text(block.attrs, 'url'),
        text(block.attrs, 'label') || text(block.attrs, 'service'),
      );
    case 'core/navigation-link':
    case 'core/navigation-submenu':
      return link(text(block.attrs, 'url'), text(block.attrs, 'label')) + inner();
    case 'core/embed':
      // Some embeds saved no HTML of their own: their address is all there is.
      return hasText(block.innerHTML)
        ? inner()
        : `<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">${escapeText(text(block.attrs, 'url'))}</div></figure>`;
  }
  const kind = blockKind(name);
  if (kind === 'static') return inner();
  if (kind === 'dynamic') {
    lost.add(`block ${name} (WordPress builds it when the page is shown; nothing to keep)`);
    return '';
  }
  const saved = inner();
  lost.add(hasText(saved) ? `block ${name} (kept its text)` : `block ${name} (nothing to keep)`);
  return saved;
}

function renderInner(block: Block | undefined, depth: number, lost: LostList): string {
  return block ? render(block, depth, lost) : '';
}

/**
 * A post's content as the HTML WordPress would show, block by block: the block editor's
 * comments (`<!-- wp:… -->`, read by WordPress's own parser) decide what each part is, and
 * content without them is classic. Containers (columns, groups) keep only what they hold.
 */
export function renderBlocks(content: string, lost: LostList): string {
  const blocks = parse(content) as Block[];
  return blocks.map((block) => render(block, 0, lost)).join('');
}
