import type { AdsConfig } from './schema';
import {
  effectiveAds,
  inArticleBreaks,
  listingBreaks,
  promotionFor,
  type BlockKind,
} from './placement';

const P: BlockKind = 'paragraph';
const H: BlockKind = 'heading';
const O: BlockKind = 'other';

describe('inArticleBreaks', () => {
  const rule = { afterParagraphs: [3], minParagraphs: 6 };

  it('goes after the third paragraph of the body', () => {
    expect(inArticleBreaks([P, P, P, P, P, P], rule)).toEqual([2]);
  });

  it('counts no paragraph inside a table, list or timeline: they are one block each', () => {
    expect(inArticleBreaks([P, O, P, O, P, P, P, P], rule)).toEqual([4]);
  });

  it('never parts a paragraph from the list or table it introduces', () => {
    // Paragraph 3 (index 2) leads into a list; paragraph 4 is followed by a heading.
    expect(inArticleBreaks([P, P, P, O, P, H, P, P], rule)).toEqual([4]);
  });

  it('puts nothing after the last block, and nothing in a short article', () => {
    expect(inArticleBreaks([P, P, P, P, P], rule)).toEqual([]);
    expect(inArticleBreaks([P, P, O, P, O, P, O, P, O], rule)).toEqual([]);
  });

  it('keeps several slots apart and in order', () => {
    const blocks = Array.from({ length: 12 }, () => P);
    expect(inArticleBreaks(blocks, { afterParagraphs: [3, 8], minParagraphs: 6 })).toEqual([2, 7]);
    // Two positions that resolve to one place make one slot.
    expect(
      inArticleBreaks([P, P, P, O, O, O, P, P], { afterParagraphs: [3, 4], minParagraphs: 2 }),
    ).toEqual([6]);
  });
});

describe('listingBreaks', () => {
  it('breaks every n items, never after the last', () => {
    expect(listingBreaks(12, 6)).toEqual([5]);
    expect(listingBreaks(13, 6)).toEqual([5, 11]);
    expect(listingBreaks(3, 1)).toEqual([0, 1]);
    expect(listingBreaks(0, 3)).toEqual([]);
  });
});

describe('promotionFor', () => {
  const promotions = ['a', 'b', 'c'].map((title) => ({
    title,
    text: 't',
    href: '/support',
    action: 'Go',
  }));

  it('is stable for a page and slot, and differs from slot to slot', () => {
    expect(promotionFor(promotions, '/world', 0)).toBe(promotionFor(promotions, '/world', 0));
    expect(promotionFor(promotions, '/world', 0)).not.toBe(promotionFor(promotions, '/world', 1));
    expect(promotionFor([], '/world', 0)).toBeUndefined();
  });
});

describe('effectiveAds', () => {
  const script = {
    provider: 'script',
    script: { src: 'https://ads.example.net/tag.js', origins: [] },
    slots: {},
    promotions: [],
  } as AdsConfig;

  it('drops a script provider the build does not admit, and says so', () => {
    const warnings: string[] = [];
    const warn = (m: string) => warnings.push(m);
    expect(effectiveAds(script, [], ['https://ads.example.net'], warn)).toBeUndefined();
    expect(warnings[0]).toMatch(/npm run build/);
    expect(
      effectiveAds(script, ['https://ads.example.net'], ['https://ads.example.net'], warn),
    ).toBe(script);
    expect(warnings).toHaveLength(1);
  });
});
