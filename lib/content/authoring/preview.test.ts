import { createThrottle } from '@/lib/security/throttle';
import { answerPreview, previewFormPath, safeReturnPath, secretMatches } from './preview';

describe('preview', () => {
  it('accepts only the exact secret', async () => {
    expect(secretMatches('s3cret', 's3cret')).toBe(true);
    expect(secretMatches('s3cre', 's3cret')).toBe(false);
    expect(secretMatches('', 's3cret')).toBe(false);
  });

  it('returns to paths on this site', async () => {
    expect(safeReturnPath('/world/draft-story')).toBe('/world/draft-story');
    expect(safeReturnPath('/search?q=a&section=world#results')).toBe(
      '/search?q=a&section=world#results',
    );
    expect(safeReturnPath('/été')).toBe('/%C3%A9t%C3%A9');
    expect(safeReturnPath('/%2F/evil.example')).toBe('/%2F/evil.example');
  });

  // Each of these leaves the site in some browser, or breaks the Location header.
  it.each([
    ['the issue’s /%09/evil.example, decoded', '/\t/evil.example'],
    ['a tab', '/\t/x'],
    ['a newline', '/\n'],
    ['a carriage return and line feed', '/x\r\nSet-Cookie: a=b'],
    ['a NUL', '/\0/evil.example'],
    ['a form feed', '/\f/evil.example'],
    ['a no-break space', '/\u00a0/evil.example'],
    ['a zero-width space', '/\u200b/evil.example'],
    ['a right-to-left override', '/\u202e/evil.example'],
    ['backslashes', '\\\\evil.example'],
    ['a slash and a backslash', '/\\evil.example'],
    ['a scheme', 'https://evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a protocol-relative URL', '//evil.example'],
    ['a dot segment before a double slash', '/.//evil.example'],
    ['a parent segment before a double slash', '/..//evil.example'],
    ['encoded dot segments before a double slash', '/%2e/%2e//evil.example'],
    ['a relative path', 'world/story'],
    ['nothing', ''],
    ['null', null],
    ['a very long path', `/${'a'.repeat(10_000)}`],
  ])('refuses %s', (_, path) => {
    expect(safeReturnPath(path)).toBe('/');
  });

  it('never answers anything but a path on this site', async () => {
    const hostile = ['/\t/evil.example', '//evil', '/.//evil', '\\\\evil', '%0d%0a', '/%0d%0a'];
    for (const path of hostile) {
      const result = safeReturnPath(path);
      expect(new URL(result, 'https://news.example').origin).toBe('https://news.example');
      expect(result).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
    }
  });
});

describe('previewFormPath', () => {
  it('sends an old preview link to the form with the article’s path and nothing else', () => {
    expect(previewFormPath('/world/draft')).toBe('/admin/preview?path=%2Fworld%2Fdraft');
    expect(previewFormPath(null)).toBe('/admin/preview');
    expect(previewFormPath('//evil.example')).toBe('/admin/preview');
    expect(previewFormPath('/x\r\nSet-Cookie: a=b')).toBe('/admin/preview');
  });
});

describe('answerPreview', () => {
  const on = { state: 'on', value: 'a long preview secret' } as const;

  it('stays off without a secret, or with one under 12 characters', async () => {
    const throttle = createThrottle();
    expect((await answerPreview('x', 'n', { state: 'off' }, throttle)).kind).toBe('off');
    const short = await answerPreview('short', 'n', { state: 'too-short', length: 5 }, throttle);
    expect(short).toEqual({ kind: 'off', why: 'PREVIEW_SECRET must be at least 12 characters' });
  });

  it('opens for the right secret after a few wrong ones', async () => {
    const throttle = createThrottle();
    expect((await answerPreview('wrong', 'editor', on, throttle)).kind).toBe('wrong');
    expect((await answerPreview(null, 'editor', on, throttle)).kind).toBe('wrong');
    expect((await answerPreview('a long preview secret', 'editor', on, throttle)).kind).toBe(
      'open',
    );
  });

  it('stops comparing secrets from a network that keeps guessing', async () => {
    const throttle = createThrottle();
    const answers: string[] = [];
    for (let i = 0; i < 10; i++)
      answers.push((await answerPreview('guess', 'script', on, throttle)).kind);
    expect(answers.slice(0, 6)).toEqual(Array<string>(6).fill('wrong'));
    expect(answers.slice(6)).toEqual(Array<string>(4).fill('throttled'));
    // Even the right secret waits its turn; another network does not.
    expect((await answerPreview('a long preview secret', 'script', on, throttle)).kind).toBe(
      'throttled',
    );
    expect((await answerPreview('a long preview secret', 'editor', on, throttle)).kind).toBe(
      'open',
    );
  });

  it('lets a browser that got the secret right before in, whatever its network did', async () => {
    const throttle = createThrottle();
    for (let i = 0; i < 10; i++) await answerPreview('guess', 'newsroom-wifi', on, throttle);
    expect((await answerPreview('a long preview secret', 'newsroom-wifi', on, throttle)).kind).toBe(
      'throttled',
    );
    const editor = { device: 'editor-laptop' };
    expect((await answerPreview('a long preview secret', editor, on, throttle)).kind).toBe('open');
    // A copied device cookie that keeps guessing locks out that cookie alone.
    const copied = { device: 'copied' };
    for (let i = 0; i < 10; i++) await answerPreview('guess', copied, on, throttle);
    expect((await answerPreview('a long preview secret', copied, on, throttle)).kind).toBe(
      'throttled',
    );
    expect((await answerPreview('a long preview secret', editor, on, throttle)).kind).toBe('open');
    expect((await answerPreview('a long preview secret', 'home', on, throttle)).kind).toBe('open');
  });
});
