import { rankRelated, type RelatedInput } from './related';

/**
 * A newsroom small enough to rank by hand. Expected orders below follow from the weights:
 * shared rare tags first, then text, then section and recency.
 */
const doc = (
  slug: string,
  section: string,
  tags: string[],
  date: string,
  text: string,
  extra: Partial<RelatedInput> = {},
) => ({
  slug,
  section,
  tags,
  date,
  text,
  ...extra,
});

const world: RelatedInput[] = [
  doc(
    'kim-letter',
    'world',
    ['north-korea', 'russia'],
    '2026-01-02',
    'Kim Jong Un letter to Putin praises troops and missile cooperation with Russia',
  ),
  doc(
    'missile-factories',
    'world',
    ['north-korea', 'missiles'],
    '2026-03-18',
    'Satellite images show North Korean missile factories expanding to supply Russia',
  ),
  doc(
    'gas-storage',
    'business',
    ['energy', 'russia'],
    '2026-02-10',
    'Europe gas storage falls as Russian pipeline supply stays low and prices rise',
  ),
  doc(
    'kursk-engineers',
    'world',
    ['russia', 'ukraine-war'],
    '2026-01-20',
    'Engineers cleared mines in Kursk as troops returned home after the deployment',
  ),
  doc(
    'ranked-voting',
    'politics',
    ['elections'],
    '2026-10-01',
    'Voters rank candidates and ballots are counted in rounds until a winner emerges',
  ),
  doc(
    'secret-draft',
    'world',
    ['north-korea', 'russia'],
    '2026-11-01',
    'Kim Jong Un Putin missile troops Russia North Korea letter',
    { draft: true },
  ),
];

describe('rankRelated', () => {
  const ranked = rankRelated(world, { limit: 4 });

  it('never recommends the article itself or a draft', () => {
    for (const [slug, picks] of ranked) {
      expect(picks).not.toContain(slug);
      expect(picks).not.toContain('secret-draft');
    }
  });

  it('ranks the story sharing the rarest tag and the most words first', () => {
    // missile-factories shares "north-korea" (on 2 published articles) and the words "missile",
    // "russia"; kursk-engineers shares only "russia" (on 3) and the section; gas-storage shares
    // "russia" from another section. ranked-voting shares nothing, so it is not offered at all.
    expect(ranked.get('kim-letter')).toEqual([
      'missile-factories',
      'kursk-engineers',
      'gas-storage',
    ]);
  });

  it('prefers a rare shared tag over a common one', () => {
    const common = Array.from({ length: 30 }, (_, i) =>
      doc(
        `filler-${i}`,
        'business',
        ['economy'],
        '2026-05-01',
        `market report number ${i} on trade`,
      ),
    );
    const docs = [
      doc('subject', 'world', ['economy', 'lithium'], '2026-06-01', 'battery supply story'),
      doc('shares-common', 'world', ['economy'], '2026-06-01', 'unrelated words entirely'),
      doc('shares-rare', 'business', ['lithium'], '2026-01-01', 'different words again'),
      ...common,
    ];
    expect(rankRelated(docs, { limit: 2 }).get('subject')).toEqual([
      'shares-rare',
      'shares-common',
    ]);
  });

  it("puts the editor's picks first, in their order, skipping drafts and itself", () => {
    const withPicks = world.map((d) =>
      d.slug === 'ranked-voting'
        ? { ...d, picks: ['gas-storage', 'secret-draft', 'ranked-voting', 'kim-letter'] }
        : d,
    );
    expect(rankRelated(withPicks, { limit: 3 }).get('ranked-voting')?.slice(0, 2)).toEqual([
      'gas-storage',
      'kim-letter',
    ]);
  });

  it('gives no more than the limit', () => {
    expect(rankRelated(world, { limit: 2 }).get('kim-letter')).toHaveLength(2);
  });
});
