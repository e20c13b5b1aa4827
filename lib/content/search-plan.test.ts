import MiniSearch from 'minisearch';
import { fullSearchIndex, searchDoc } from './build/search-step';
import { SEARCH_INDEX_OPTIONS, type SearchDoc } from './search-options';
import { EXPANDED_WEIGHT, planSearch, SEARCH_BUDGET } from './search-plan';
import { parseSearchQuery } from './search-query';

const article = (slug: string, text: string) =>
  searchDoc({ slug, title: slug, dek: '', tags: [], section: 'world' }, text);

// 200 articles each with "common" and 101 different words beginning "zen" (20,200 places, past
// the budget once weighted), one with "ukraine sanctions", one with "grain".
const index = MiniSearch.loadJSON<SearchDoc>(
  fullSearchIndex([
    ...Array.from({ length: 200 }, (_, i) =>
      article(`z${i}`, `common ${Array.from({ length: 101 }, (_, j) => `zen${i}x${j}`).join(' ')}`),
    ),
    article('ua', 'ukraine sanctions common'),
    article('grain', 'grain common'),
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
    // "ukraine" fills one place, so its typo costs EXPANDED_WEIGHT.
    expect(run('ukrane', EXPANDED_WEIGHT - 1).ids).toEqual([]);
    expect(run('ukrane', EXPANDED_WEIGHT).ids).toEqual(['ua']);
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
});
