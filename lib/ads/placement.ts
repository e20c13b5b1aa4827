import type { AdsConfig, Promotion } from './schema';

/** What the in-article rule needs of each top-level block of a body, in order. */
export type BlockKind = 'paragraph' | 'heading' | 'other';

/**
 * After which top-level blocks of an article the in-article slots go: after the Nth paragraph
 * of the body's own (a paragraph inside a table, timeline, list, callout or quote is not one of
 * them, so a slot never lands inside any of those), and only where prose goes on after it: a
 * paragraph that introduces a list or a table keeps its list, and the slot moves to the next
 * paragraph followed by a paragraph or a heading. Articles with fewer than `minParagraphs`
 * paragraphs get none.
 */
export function inArticleBreaks(
  blocks: BlockKind[],
  rule: { afterParagraphs: number[]; minParagraphs: number },
): number[] {
  const paragraphs = blocks.flatMap((kind, i) => (kind === 'paragraph' ? [i] : []));
  if (paragraphs.length < rule.minParagraphs) return [];
  const breaks: number[] = [];
  for (const n of rule.afterParagraphs) {
    for (const at of paragraphs.slice(n - 1)) {
      const next = blocks[at + 1];
      if (next !== 'paragraph' && next !== 'heading') continue;
      if (breaks.length === 0 || at > breaks[breaks.length - 1]!) breaks.push(at);
      break;
    }
  }
  return breaks;
}

/** After which items of a listing of `count` a slot goes: every `every`, never after the last. */
export function listingBreaks(count: number, every: number): number[] {
  const breaks: number[] = [];
  for (let i = every - 1; i < count - 1; i += every) breaks.push(i);
  return breaks;
}

/**
 * Which promotion a slot shows: the same on every render of a page (a cached page and its
 * regeneration agree), different from slot to slot and from page to page.
 */
export function promotionFor(
  promotions: Promotion[],
  page: string,
  slot: number,
): Promotion | undefined {
  if (promotions.length === 0) return undefined;
  let hash = 0;
  for (const char of page) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return promotions[(hash + slot) % promotions.length];
}

/**
 * The settings the site acts on: none for a script provider this build's policy does not admit
 * (published after the build; the browser would block it), which the server says once.
 */
export function effectiveAds(
  ads: AdsConfig | undefined,
  admitted: string[],
  origins: string[],
  warn: (message: string) => void,
): AdsConfig | undefined {
  if (!ads || ads.provider !== 'script') return ads;
  const missing = origins.filter((origin) => !admitted.includes(origin));
  if (missing.length === 0) return ads;
  warn(
    `content/ads.yaml names a script provider at ${missing.join(', ')}, which this build's ` +
      'Content-Security-Policy does not admit: no advertising is shown until the site is built ' +
      'again with this file (npm run build).',
  );
  return undefined;
}
