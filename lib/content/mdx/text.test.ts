import { readingMinutes } from './text';

describe('readingMinutes', () => {
  it('reads 200 words a minute, and never says zero', () => {
    expect(readingMinutes('word '.repeat(1000))).toBe(5);
    expect(readingMinutes('word '.repeat(299))).toBe(1);
    expect(readingMinutes('')).toBe(1);
  });

  it('counts each character of scripts written without spaces as a word', () => {
    expect(readingMinutes('東'.repeat(600))).toBe(3);
    expect(readingMinutes(`${'한'.repeat(200)} ${'word '.repeat(200)}`)).toBe(2);
  });
});
