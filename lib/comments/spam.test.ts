import { countLinks, holdReasons, holdWordsFromEnv } from './spam';

describe('spam heuristics', () => {
  it('counts links, bare domains included', () => {
    expect(countLinks('see https://a.example and http://b.example/x or cheap-pills.com')).toBe(3);
    expect(countLinks('no links here, just words.')).toBe(0);
  });

  it('holds a comment with more than two links', () => {
    expect(holdReasons('https://a.example https://b.example', [])).toEqual([]);
    expect(holdReasons('https://a.example https://b.example https://c.example', [])).toEqual([
      '3 links',
    ]);
  });

  it('holds listed words, whole words only, any case', () => {
    const words = holdWordsFromEnv({ COMMENTS_HOLD_WORDS: ' Casino , free money' });
    expect(words).toEqual(['casino', 'free money']);
    expect(holdReasons('Best CASINO in town', words)).toEqual(['listed word "casino"']);
    expect(holdReasons('Get FREE money now', words)).toEqual(['listed word "free money"']);
    expect(holdReasons('The occasion was casinos-free', words)).toEqual([]);
  });
});
