import { GUID_MAX_LENGTH, guidSchema } from './frontmatter';

describe('guid', () => {
  it.each([
    ['an old site’s address', 'http://old.example/?p=1'],
    ['a tag URI', 'tag:old.example,2019:post-1'],
    ['a bare number', '1241'],
    // wxr-utf-8-challenges.xml's GUID: emoji, a bidi override, zero-width characters.
    [
      'one with invisible characters',
      'https://playground.internal/\u202Etsop\u202C/?p=1&t=💫\u200B',
    ],
    ['the longest allowed', `http://old.example/?p=${'1'.repeat(GUID_MAX_LENGTH - 22)}`],
  ])('takes %s', (_, guid) => {
    expect(guidSchema.safeParse(guid)).toEqual({ success: true, data: guid });
  });

  it.each([
    ['a line break', 'http://old.example/?p=1\nsticky: true'],
    ['a NUL', 'http://old.example/?p=1\u0000'],
    ['a lone surrogate', 'http://old.example/?p=\uD800'],
    ['a character XML forbids', 'http://old.example/?p=\uFFFF'],
    ['one character too many', `http://old.example/?p=${'1'.repeat(GUID_MAX_LENGTH - 21)}`],
    ['nothing but spaces', '   '],
    ['a number, not text', 1241],
  ])('refuses %s', (_, guid) => {
    expect(guidSchema.safeParse(guid).success).toBe(false);
  });
});
