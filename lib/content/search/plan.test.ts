import MiniSearch from 'minisearch';
import { fullSearchIndex, searchDoc } from '../build/search-step';
import { SEARCH_INDEX_OPTIONS, type SearchDoc } from './options';
import { EXPANDED_WEIGHT, planSearch, SEARCH_BUDGET } from './plan';
import { parseSearchQuery } from './query';

const article = (slug: string, text: string) =>
  searchDoc({ slug, title: slug, dek: '', tags: [], section: 'world' }, text);

// 200 articles each with "common" and 101 different words beginning "zen" (20,200 places, past
// the budget once weighted), one with "ukraine sanctions", one with "grain", one with "commons".
const index = MiniSearch.loadJSON<SearchDoc>(
  fullSearchIndex([
    ...Array.from({ length: 200 }, (_, i) =>
      article(`z${i}`, `common ${Array.from({ length: 101 }, (_, j) => `zen${i}x${j}`).join(' ')}`),
    ),
    article('ua', 'ukraine sanctions common'),
    article('grain', 'grain common'),
    article('commons', 'commons'),
  ]),
  SEARCH_INDEX_OPTIONS,
);

const run = (q: string, budget?: number) => {
  const plan = planSearch(index, parseSearchQuery(q), budget);
  return { ...plan, ids: index.search(plan.words.join(' '), plan.options).map((r) => r.id) };
};

describe('planSearch', () => {
  it('searches an ordinary query whole, forgiving a typo and finishing the last word', () => {
    expect(run('ukrane sanct')).toMatchObject({ words: ['ukrane', 'sanct'], ids: ['ua'] });
  });

  it('does not complete a beginning whose completions fill more places than the budget', () => {
    expect(101 * 200 * EXPANDED_WEIGHT).toBeGreaterThan(SEARCH_BUDGET);
    expect(run('zen').ids).toEqual([]);
    // A beginning that reaches little is completed as before.
    expect(run('zen7x').ids).toEqual(['z7']);
  });

  it('drops typo tolerance before it would pass the budget', () => {
    // "ukraine" fills one place, so its typo costs EXPANDED_WEIGHT; below that it is corrected
    // (one place), and with no budget at all neither.
    expect(run('ukrane', EXPANDED_WEIGHT)).toMatchObject({ words: ['ukrane'], ids: ['ua'] });
    expect(run('ukrane', EXPANDED_WEIGHT - 1)).toMatchObject({ words: ['ukraine'], ids: ['ua'] });
    expect(run('ukrane', 0).ids).toEqual([]);
    expect(run('ukraine', 1).ids).toEqual(['ua']);
  });

  it('leaves out words, from the end, whose own places would pass the budget, and says so', () => {
    // "grain" fills 2 places (a title and a body), "common" 202, "ukraine" 1: 204 keeps two.
    const plan = run('grain common ukraine zen', 204);
    expect(plan.words).toEqual(['grain', 'common']);
    expect(plan.leftOut).toEqual(['ukraine', 'zen']);
    expect(plan.ids).toEqual(['grain']);
  });

  it('always searches the first word, however common', () => {
    expect(run('common', 1)).toMatchObject({ words: ['common'], leftOut: [] });
    expect(run('common', 1).ids).toHaveLength(202);
  });

  it('carries the words the query left out past the word limit', () => {
    const plan = run('a1 b1 c1 d1 e1 f1 g1 h1 i1 j1');
    expect(plan.words).toHaveLength(8);
    expect(plan.leftOut).toEqual(['i1', 'j1']);
  });

  describe('a misspelt word too costly to expand', () => {
    // "common" fills 202 places, "commons" 2: forgiving "commonx" reads (202 + 2) × 5 places.
    it('is corrected to its neighbour in most places, searched as typed, and says so', () => {
      const plan = run('commonx grain', 1_000);
      expect(plan.words).toEqual(['common', 'grain']);
      expect(plan.corrections).toEqual([{ typed: 'commonx', searched: 'common' }]);
      expect(plan.ids).toEqual(['grain']);
      // Corrected, it costs its 202 places once, not five times.
      expect(run('commonx', 202).corrections).toHaveLength(1);
    });

    it('is expanded, not corrected, while the expansion fits', () => {
      const plan = run('commonx', 204 * EXPANDED_WEIGHT);
      expect(plan).toMatchObject({ words: ['commonx'], corrections: [] });
      expect(plan.ids).toHaveLength(203);
    });

    it('is left as typed when the correction does not fit either', () => {
      expect(run('commonx', 201)).toMatchObject({ words: ['commonx'], corrections: [], ids: [] });
      // A later word is corrected only within what the earlier ones left.
      expect(run('grain commonx', 203)).toMatchObject({ corrections: [], ids: [] });
      expect(run('grain commonx', 204)).toMatchObject({ words: ['grain', 'common'] });
    });

    it('is never corrected when some article has it as typed', () => {
      // "commons" is one edit from "common", too costly to forgive at 1,000 places.
      const plan = run('commons', 1_000);
      expect(plan).toMatchObject({ words: ['commons'], corrections: [], ids: ['commons'] });
    });

    it('is never corrected past the first words that forgive typos, nor when short', () => {
      expect(run('grain ukraine sanctions commonx', 1_000).corrections).toEqual([]);
      expect(run('zenx', 1_000).corrections).toEqual([]);
    });

    it('is never corrected to an indexed word with a control or format character', () => {
      // Authored text can hold characters the index does not split on; none may reach the page
      // as "Showing results for".
      const hostile = [
        'abc\u0007def',
        'abc\u202Edef',
        'abc\u200Bdef',
        'abc\u0000def',
        'abc\u001bdef',
      ];
      const docs = hostile.flatMap((word, j) =>
        Array.from({ length: 300 }, (_, i) => article(`h${j}-${i}`, word)),
      );
      const withHostile = (extra: ReturnType<typeof article>[]) =>
        MiniSearch.loadJSON<SearchDoc>(fullSearchIndex([...docs, ...extra]), SEARCH_INDEX_OPTIONS);
      const alone = planSearch(withHostile([]), parseSearchQuery('abcdef'), 1_000);
      expect(alone).toMatchObject({ words: ['abcdef'], corrections: [] });
      // Beside them, a printable neighbour in one place is the correction.
      const beside = planSearch(
        withHostile([article('fine', 'abcdeg')]),
        parseSearchQuery('abcdef'),
        1_000,
      );
      expect(beside.corrections).toEqual([{ typed: 'abcdef', searched: 'abcdeg' }]);
      expect(beside.words.join('')).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    });
  });
});
