import { isValidElement, type ReactNode } from 'react';
import type { AdsConfig } from '@/lib/ads/schema';
import { inArticleBreaks, promotionFor, type BlockKind } from '@/lib/ads/placement';
import { AdSlot } from './ad-slot';

type InArticleSlotsProps = {
  /** The body's top-level blocks, as the compiled MDX renders them (lib/content/mdx/render.ts). */
  blocks: ReactNode[];
  ads: AdsConfig;
  rule: NonNullable<AdsConfig['slots']['article']>;
  page: string;
};

const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

function kindOf(node: ReactNode): BlockKind | undefined {
  // The newlines MDX keeps between blocks are not blocks.
  if (typeof node === 'string') return node.trim() === '' ? undefined : 'other';
  if (!isValidElement(node)) return undefined;
  if (node.type === 'p') return 'paragraph';
  return typeof node.type === 'string' && HEADINGS.has(node.type) ? 'heading' : 'other';
}

/**
 * The article's body with its in-article slots between top-level blocks
 * (lib/ads/placement.ts says where). Works on what the body renders, so a change to
 * content/ads.yaml needs no article compiled again.
 */
export function InArticleSlots({ blocks: nodes, ads, rule, page }: InArticleSlotsProps) {
  const blocks: { node: ReactNode; kind: BlockKind }[] = [];
  for (const node of nodes) {
    const kind = kindOf(node);
    if (kind) blocks.push({ node, kind });
  }
  const breaks = new Set(
    inArticleBreaks(
      blocks.map((b) => b.kind),
      rule,
    ),
  );
  let slot = 0;
  return blocks.flatMap(({ node }, i) => {
    if (!breaks.has(i)) return [node];
    slot += 1;
    return [
      node,
      <AdSlot
        key={`ad-${slot}`}
        placement="article"
        id={`article-${slot}`}
        sizes={rule.size}
        provider={ads.provider}
        promotion={promotionFor(ads.promotions, page, slot)}
      />,
    ];
  });
}
