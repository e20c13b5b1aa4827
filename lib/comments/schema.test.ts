import { EMPTY_VALUES } from './form-state';
import { parseComment, type FormValues } from './schema';

const values = (over: Partial<FormValues> = {}): FormValues => ({
  ...EMPTY_VALUES,
  name: 'Ana',
  email: 'Ana@Example.com',
  comment: 'A thoughtful comment.',
  ...over,
});

describe('parseComment', () => {
  it('accepts a good comment and normalises it', () => {
    const parsed = parseComment(
      values({ website: ' https://ana.example ', parentId: '7' }),
      'story',
    );
    expect(parsed).toEqual({
      ok: true,
      input: {
        name: 'Ana',
        email: 'ana@example.com',
        website: 'https://ana.example',
        comment: 'A thoughtful comment.',
        parentId: 7,
        articleSlug: 'story',
      },
    });
  });

  it('puts each problem on its own field', () => {
    const parsed = parseComment(
      values({ name: ' ', email: 'nope', website: 'ftp://x.example', comment: 'x' }),
      's',
    );
    expect(parsed).toEqual({
      ok: false,
      fieldErrors: {
        name: 'Enter your name.',
        email: 'Enter a valid email address, like name@example.com.',
        website: 'Enter a web address starting with http:// or https://.',
        comment: 'Write a comment of at least two characters.',
      },
    });
  });

  it.each([['javascript:alert(1)'], ['data:text/html,hi'], ['not a url']])(
    'refuses %s as a website',
    (website) => {
      const parsed = parseComment(values({ website }), 's');
      expect(parsed.ok).toBe(false);
    },
  );

  it('enforces the length limits', () => {
    expect(parseComment(values({ name: 'n'.repeat(81) }), 's')).toMatchObject({
      ok: false,
      fieldErrors: { name: 'Keep your name under 80 characters.' },
    });
    expect(parseComment(values({ comment: 'c'.repeat(5001) }), 's')).toMatchObject({
      ok: false,
      fieldErrors: { comment: 'Keep your comment under 5,000 characters.' },
    });
    expect(parseComment(values({ comment: 'c'.repeat(5000) }), 's').ok).toBe(true);
  });

  it('requires an email address', () => {
    expect(parseComment(values({ email: '' }), 's')).toMatchObject({
      fieldErrors: { email: 'Enter your email address.' },
    });
  });

  it('strips bidirectional overrides that would disguise text', () => {
    const parsed = parseComment(
      values({ name: 'evil\u202Egnp.exe', comment: 'ok \u2066text\u2069' }),
      's',
    );
    expect(parsed).toMatchObject({ ok: true, input: { name: 'evilgnp.exe', comment: 'ok text' } });
  });

  it('refuses an email address longer than 254 characters', () => {
    const email = `${'a'.repeat(64)}@${'b'.repeat(186)}.com`;
    expect(email).toHaveLength(255);
    expect(parseComment(values({ email }), 's')).toMatchObject({
      ok: false,
      fieldErrors: { email: 'Keep the address under 254 characters.' },
    });
  });

  it('never lets NUL, escape sequences or invisible characters through to the database', () => {
    const parsed = parseComment(
      values({
        name: 'Ana\u0000\u001b[2J\nBel',
        email: 'ana\u200B@example.com',
        website: 'https://ana.example/\u0000',
        comment: 'first\u0000 line\u001b]0;title\u0007\r\nsecond\u200Bline',
      }),
      's',
    );
    expect(parsed).toMatchObject({
      ok: true,
      input: {
        name: 'Ana[2J Bel',
        email: 'ana@example.com',
        website: 'https://ana.example/',
        comment: 'first line]0;title\nsecondline',
      },
    });
  });

  it('counts a comment of only invisible characters as empty', () => {
    expect(parseComment(values({ comment: '\u200B\u200B\u2060\uFEFF' }), 's')).toMatchObject({
      ok: false,
      fieldErrors: { comment: 'Write a comment of at least two characters.' },
    });
  });
});
