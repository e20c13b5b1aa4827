import { rankAllRelated, rankRelated, updateRelated, type RelatedInput } from './rank';

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

describe('updateRelated (a publish re-ranks only what it touches)', () => {
  const lists = (state: ReturnType<typeof rankAllRelated>) =>
    new Map(state.docs.map((d) => [d.slug, d.list]));
  const newcomer = doc(
    'missile-deal',
    'world',
    ['north-korea', 'missiles'],
    '2026-11-20',
    'North Korean missile supply deal with Russia praised in Kim letter to Putin',
  );

  it('gives a new article its list, and puts it on the lists it now belongs on', () => {
    const state = rankAllRelated(world, { limit: 3 });
    const changed = updateRelated(state, { upserts: [newcomer], removed: [] });
    const now = lists(state);
    expect(now.get('missile-deal')?.[0]).toBe('missile-factories');
    expect(now.get('kim-letter')?.[0]).toBe('missile-deal');
    expect(changed).toContain('missile-deal');
    expect(changed).toContain('kim-letter');
    // A list it does not reach is left alone.
    expect(now.get('ranked-voting')).toEqual(
      lists(rankAllRelated(world, { limit: 3 })).get('ranked-voting'),
    );
  });

  it('agrees with a full ranking of the same archive on a small newsroom', () => {
    const state = rankAllRelated(world, { limit: 3 });
    updateRelated(state, { upserts: [newcomer], removed: [] });
    const full = lists(rankAllRelated([...world, newcomer], { limit: 3 }));
    for (const [slug, list] of lists(state)) expect([slug, list]).toEqual([slug, full.get(slug)]);
  });

  it('takes a removed article off every list, and a story turned draft too', () => {
    const state = rankAllRelated(world, { limit: 3 });
    const drafted = { ...world.find((d) => d.slug === 'kursk-engineers')!, draft: true };
    const changed = updateRelated(state, { upserts: [drafted], removed: ['missile-factories'] });
    for (const [, list] of lists(state)) {
      expect(list).not.toContain('missile-factories');
      expect(list).not.toContain('kursk-engineers');
    }
    expect(changed).toContain('kim-letter');
    expect(lists(state).has('missile-factories')).toBe(false);
  });
});
