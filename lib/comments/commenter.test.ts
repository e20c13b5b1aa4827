import { commenterId, signCommenter } from './commenter';

describe('commenter proof', () => {
  const proof = signCommenter(42, 'ana@example.com', 'secret');

  it('names its comment for the email it was signed for', () => {
    expect(commenterId(proof, 'ana@example.com', 'secret')).toBe(42);
  });

  it('is worth nothing for another email, another secret, or a changed id', () => {
    expect(commenterId(proof, 'bob@example.com', 'secret')).toBeUndefined();
    expect(commenterId(proof, 'ana@example.com', 'other')).toBeUndefined();
    expect(commenterId(proof.replace(/^42/, '43'), 'ana@example.com', 'secret')).toBeUndefined();
  });

  it.each([
    [undefined],
    [''],
    ['42'],
    ['42.'],
    ['x.y'],
    [`${'9'.repeat(13)}.abc`],
    ['a'.repeat(10_000)],
  ])('refuses a malformed proof %#', (given) => {
    expect(commenterId(given, 'ana@example.com', 'secret')).toBeUndefined();
  });
});
