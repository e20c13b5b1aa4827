import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sniffPicture } from './sniff';

const PICTURES = path.join(import.meta.dirname, '../../../../test/fixtures/pictures');
const picture = (name: string) => readFileSync(path.join(PICTURES, name));
const bytes = (text: string) => new TextEncoder().encode(text);

describe('sniffPicture: the format from the first bytes, whatever the name says', () => {
  it.each([
    ['red-8x6.jpg', 'jpeg'],
    ['red-8x6.png', 'png'],
    ['red-8x6.gif', 'gif'],
    ['red-8x6.webp', 'webp'],
    ['red-8x6.avif', 'avif'],
  ])('%s (made by libvips) is %s', (name, format) => {
    expect(sniffPicture(picture(name))).toEqual({ ok: true, format });
  });

  it('reads the site’s own pictures (a camera JPEG, the PNG logo)', () => {
    const root = path.join(import.meta.dirname, '../../../../public');
    expect(sniffPicture(readFileSync(path.join(root, 'images/style-guide.jpg')))).toEqual({
      ok: true,
      format: 'jpeg',
    });
    expect(sniffPicture(readFileSync(path.join(root, 'logo.png')))).toEqual({
      ok: true,
      format: 'png',
    });
  });

  it('takes AVIF named only among the compatible brands', () => {
    const box = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      bytes('ftypmif1'),
      Buffer.alloc(4),
      bytes('mif1avif'),
    ]);
    expect(sniffPicture(box)).toEqual({ ok: true, format: 'avif' });
  });

  it.each([
    [
      'an SVG with a script',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
      /SVG drawing, which can carry scripts/,
    ],
    [
      'an SVG as Illustrator saves it',
      '<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->\n<svg version="1.1" id="Layer_1">',
      /SVG drawing/,
    ],
    [
      'an error page',
      '<!DOCTYPE html>\n<html lang="en"><head><title>404 Not Found</title></head>',
      /web page instead of the picture/,
    ],
    [
      'a sign-in page with a byte-order mark',
      '\uFEFF  <html><body><form action="/wp-login.php">',
      /web page instead/,
    ],
    ['other XML', '<?xml version="1.0"?><rss></rss>', /text markup, not a picture/],
    ['plain text', 'GIF89 is what this file claims to be', /not a JPEG, PNG, GIF, WebP or AVIF/],
    ['nothing', '', /empty/],
  ])('refuses %s', (_what, text, reason) => {
    const result = sniffPicture(bytes(text));
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });

  it.each([
    [
      'HEIC (an ISO-BMFF picture browsers do not show)',
      Buffer.concat([
        Buffer.from([0, 0, 0, 24]),
        bytes('ftypheic'),
        Buffer.alloc(4),
        bytes('mif1heic'),
      ]),
    ],
    ['a truncated JPEG marker', Buffer.from([0xff, 0xd8])],
    [
      'a RIFF that is not WebP (a WAV)',
      Buffer.concat([bytes('RIFF'), Buffer.alloc(4), bytes('WAVEfmt ')]),
    ],
    ['a ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
    [
      'an ftyp box claiming a size past the bytes',
      Buffer.concat([Buffer.from([0xff, 0xff, 0xff, 0xff]), bytes('ftypisom')]),
    ],
  ])('refuses %s', (_what, head) => {
    expect(sniffPicture(head)).toEqual({
      ok: false,
      reason: 'it is not a JPEG, PNG, GIF, WebP or AVIF picture',
    });
  });
});
