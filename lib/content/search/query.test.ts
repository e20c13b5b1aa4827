import MiniSearch from 'minisearch';
import { fullSearchIndex, searchDoc } from '../build/search-step';
import { FUZZY_WORDS, SEARCH_INDEX_OPTIONS, SEARCH_QUERY_OPTIONS, type SearchDoc } from './options';
import { MAX_QUERY_LENGTH, MAX_SEARCH_WORDS, parseSearchQuery } from './query';

describe('parseSearchQuery', () => {
  it('searches an ordinary query word for word, lower-cased, without function words', () => {
    expect(parseSearchQuery('The Russia–Ukraine energy deal')).toEqual({
      words: ['russia', 'ukraine', 'energy', 'deal'],
      leftOut: [],
    });
  });

  it('a 200-character query of 100 one-letter words searches 8 of them and says the rest were left out', () => {
    const letters = 'bcdefghjklmnopqrtuvwxyz';
    const query = Array.from({ length: 100 }, (_, i) => letters[i % letters.length]).join(' ');
    expect(query).toHaveLength(199);
    const { words, leftOut } = parseSearchQuery(query);
    expect(words).toEqual(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'j']);
    // Repeats count once: 23 distinct letters, 8 searched.
    expect(leftOut).toHaveLength(15);
  });

  it('50 long misspelt words search only the first 8', () => {
    const query = Array.from({ length: 50 }, (_, i) => `misspeltword${i}x`).join(' ');
    const { words, leftOut } = parseSearchQuery(query);
    expect(words).toHaveLength(MAX_SEARCH_WORDS);
    expect(words[0]).toBe('misspeltword0x');
    // Cut at 200 characters first: the words past it are not even counted.
    expect(words.length + leftOut.length).toBeLessThan(50);
    expect(words.concat(leftOut).join(' ').length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  });

  it('keeps letters of every script, and splits as the index does', () => {
    expect(parseSearchQuery('Zürich, 北京; Київ — São-Paulo').words).toEqual([
      'zürich',
      '北京',
      'київ',
      'são',
      'paulo',
    ]);
  });

  it('control and invisible characters split words and are never searched for', () => {
    const { words } = parseSearchQuery(
      'nul\u0000byte\tescape\u001b[31m bidi\u202Eevil zero\u200Bwidth \uFEFFbom',
    );
    expect(words).toEqual(['nul', 'byte', 'escape', '31m', 'bidi', 'evil', 'zero', 'width']);
    expect(words.join('')).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });

  it('a query of nothing but function words, punctuation or spaces searches nothing', () => {
    for (const q of ['', '   ', 'the of and', '!!! ??? ...', '\u0000\u0001']) {
      expect(parseSearchQuery(q)).toEqual({ words: [], leftOut: [] });
    }
  });
});

describe('search options under the caps', () => {
  const index = MiniSearch.loadJSON<SearchDoc>(
    fullSearchIndex([
      searchDoc(
        { slug: 'a', title: 'Ukraine grain', dek: '', tags: [], section: 'world' },
        'sanctions pipeline',
      ),
    ]),
    SEARCH_INDEX_OPTIONS,
  );
  const found = (q: string) => index.search(q, SEARCH_QUERY_OPTIONS).map((r) => r.id);

  it('forgives a typo in the first words', () => {
    expect(found('ukrane')).toEqual(['a']);
    expect(found('ukrane grain sanctions')).toEqual(['a']);
  });

  it(`forgives none past the first ${FUZZY_WORDS} words`, () => {
    expect(found('grain sanctions pipeline ukraine')).toEqual(['a']);
    expect(found('grain sanctions pipeline ukrane')).toEqual([]);
  });

  it('finishes the last word only', () => {
    expect(found('grain sanct')).toEqual(['a']);
    expect(found('sanct grain')).toEqual([]);
  });
});
