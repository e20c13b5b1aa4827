import { correctionNotice, leftOutNotice } from './notices';

describe('search notices', () => {
  it('says which misspelt words were searched as what', () => {
    expect(correctionNotice(['government', 'grain'], [])).toBeUndefined();
    expect(
      correctionNotice(['government', 'grain'], [{ typed: 'governmenx', searched: 'government' }]),
    ).toBe('Showing results for government grain: no story has “governmenx”.');
    expect(
      correctionNotice(
        ['government', 'sanctions'],
        [
          { typed: 'governmenx', searched: 'government' },
          { typed: 'sanctionz', searched: 'sanctions' },
        ],
      ),
    ).toBe('Showing results for government sanctions: no story has “governmenx” or “sanctionz”.');
  });

  it('says how many words were left out, and which were searched', () => {
    expect(leftOutNotice(['a1'], [])).toBeUndefined();
    expect(leftOutNotice(['a1'], ['b1'])).toBe(
      'Searched for the first word (a1); 1 more was left out.',
    );
    expect(leftOutNotice(['a1', 'b1'], ['c1', 'd1'])).toBe(
      'Searched for the first 2 words (a1, b1); 2 more were left out.',
    );
  });
});
