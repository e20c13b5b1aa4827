import { describe, expect, it } from 'vitest';
import { absoluteAddress, fileName, isUpload, resolveAddress } from './urls';

const SITE = 'https://old.example/news';

describe('resolveAddress', () => {
  it.each([
    ['https://old.example/2019/05/a/', { kind: 'site', path: '/2019/05/a/' }],
    ['http://WWW.old.example/?p=12#c', { kind: 'site', path: '/?p=12#c' }],
    ['/about/', { kind: 'site', path: '/about/' }],
    ['page.html', { kind: 'site', path: '/page.html' }],
    ['#part two', { kind: 'site', path: '#part%20two' }],
    ['//cdn.example/a b.jpg', { kind: 'elsewhere', url: 'https://cdn.example/a%20b.jpg' }],
    [
      'https://elsewhere.example/x?q="<y>"',
      { kind: 'elsewhere', url: 'https://elsewhere.example/x?q=%22%3Cy%3E%22' },
    ],
    ['mailto:desk@old.example', { kind: 'elsewhere', url: 'mailto:desk@old.example' }],
    ['javascript:alert(1)', { kind: 'refused', scheme: 'javascript' }],
    [' java\tscript:alert(1)', { kind: 'refused', scheme: 'javascript' }],
    ['data:text/html,x', { kind: 'refused', scheme: 'data' }],
    ['ftp://old.example/file', { kind: 'refused', scheme: 'ftp' }],
    ['#', { kind: 'unusable' }],
    ['', { kind: 'unusable' }],
    ['http://[::1', { kind: 'unusable' }],
  ])('%s', (written, expected) => {
    expect(resolveAddress(written, SITE)).toEqual(expected);
  });

  it('keeps relative addresses as the site’s own when the export names no site', () => {
    expect(resolveAddress('/about/', '')).toEqual({ kind: 'site', path: '/about/' });
    expect(absoluteAddress('/about/', 'not a url')).toBeNull();
  });
});

describe('absoluteAddress, isUpload and fileName', () => {
  it('gives the address to fetch a site file from', () => {
    expect(absoluteAddress('/wp-content/uploads/a.jpg', SITE)).toBe(
      'https://old.example/wp-content/uploads/a.jpg',
    );
    expect(absoluteAddress('#x', SITE)).toBeNull();
  });

  it('knows WordPress’s uploads, also under a subdirectory install', () => {
    expect(isUpload('/wp-content/uploads/2019/a.pdf')).toBe(true);
    expect(isUpload('/blog/wp-content/uploads/a.pdf')).toBe(true);
    expect(isUpload('/2019/05/wp-content-uploads/')).toBe(false);
  });

  it('names a file readably, even when its escapes are broken', () => {
    expect(fileName('https://x.example/a/Interview%20one.mp3?x=1')).toBe('Interview one.mp3');
    expect(fileName('https://x.example/%E0%A4%A.mp3')).toBe('%E0%A4%A.mp3');
  });
});
