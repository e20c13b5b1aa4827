import { cleanText, forTerminal } from './sanitize';

const multiline = { multiline: true };
const line = { multiline: false };

describe('cleanText', () => {
  it('drops NUL, which PostgreSQL refuses in text', () => {
    expect(cleanText('a\u0000b', multiline)).toBe('ab');
  });

  it('drops terminal escape sequences down to harmless text', () => {
    expect(cleanText('\u001b[2J\u001b[31mred', multiline)).toBe('[2J[31mred');
  });

  it('drops bidi overrides and isolates, which make text display as something else', () => {
    expect(cleanText('file\u202Efdp.exe \u2066x\u2069', multiline)).toBe('filefdp.exe x');
  });

  it('drops zero-width spaces, word joiners, BOMs, soft hyphens and Hangul fillers', () => {
    expect(cleanText('in\u200Bvis\u2060ib\uFEFFle\u00AD \u3164', line)).toBe('invisible ');
  });

  it('drops noncharacters and lone surrogates', () => {
    expect(cleanText('a\uFFFEb\uFDD0c', multiline)).toBe('abc');
    expect(cleanText('x\uD800y', multiline)).toBe('x\uFFFDy');
  });

  it('keeps the joiners languages and emoji need', () => {
    expect(cleanText('می\u200Cخواهم', multiline)).toBe('می\u200Cخواهم');
    expect(cleanText('👩\u200D💻', multiline)).toBe('👩\u200D💻');
  });

  it('keeps a subdivision flag but drops stray tag characters', () => {
    const scotland = '\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(cleanText(`go ${scotland}`, multiline)).toBe(`go ${scotland}`);
    expect(cleanText('hidden\u{E0041}\u{E0042}', multiline)).toBe('hidden');
  });

  it('keeps newlines and tabs in a comment, makes them spaces in a one-line field', () => {
    expect(cleanText('a\r\nb\rc\u2028d\te', multiline)).toBe('a\nb\nc\nd\te');
    expect(cleanText('a\nb\tc', line)).toBe('a b c');
  });

  it('composes to NFC, so the same words are the same string', () => {
    expect(cleanText('e\u0301', line)).toBe('\u00E9');
  });
});

describe('forTerminal', () => {
  it('shows escape sequences and other controls as escapes', () => {
    expect(forTerminal('\u001b[31mred\u0007\u202E')).toBe('\\u{1b}[31mred\\u{7}\\u{202e}');
  });
});
