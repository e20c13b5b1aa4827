import { fixtureText, items, ofKind, readAll } from '@/test/support/wordpress-exports';
import { isSitePath, sitePathFor } from './site-path';
import { uploadsRootsOf } from './uploads-url';

/**
 * WordPress's own exports: every picture their attachments and bodies name on the blog's own
 * uploads gets a safe path of its own, and nothing else does. Which URLs are pictures is told
 * here by a plain pattern over the file's text, not by the code under test.
 */
const PICTURE = /\.(jpe?g|png|gif|webp|avif)$/i;
const ownUploads = (url: string) => /^https:\/\/wpthemetestdata\.files\.wordpress\.com\//.test(url);

describe.each([
  'themeunittestdata.wordpress.xml',
  '64-block-test-data.xml',
  'wxr-flat-attachment-same-site.xml',
])('%s', (name) => {
  it('maps its own pictures to distinct safe paths and leaves every other URL alone', async () => {
    const records = await readAll(name);
    const site = ofKind(records, 'site')[0]?.site;
    const siteUrl = site?.baseBlogUrl || site?.baseSiteUrl || '';
    const attachments = items(records).flatMap((item) => item.attachmentUrl ?? []);
    const sources = items(records).flatMap((item) =>
      [...item.content.matchAll(/<img[^>]*?\ssrc="([^"]+)"/g)].map((match) => match[1] ?? ''),
    );
    const urls = [...new Set([...attachments, ...sources])];
    expect(attachments.length).toBeGreaterThan(0);
    const roots = uploadsRootsOf(attachments, siteUrl);

    const mapped = new Map<string, string>();
    for (const url of urls) {
      const sitePath = sitePathFor(url, siteUrl, roots);
      const expected = ownUploads(url) && PICTURE.test(new URL(url).pathname);
      expect({ url, mapped: sitePath !== null }).toEqual({ url, mapped: expected });
      if (sitePath === null) continue;
      expect(isSitePath(sitePath)).toBe(true);
      mapped.set(url.split('?')[0] ?? url, sitePath);
    }
    expect(new Set(mapped.values()).size).toBe(mapped.size);
  });
});

it('reads the Theme Unit Test’s pictures where the export puts them', async () => {
  const records = await readAll('themeunittestdata.wordpress.xml');
  const siteUrl = ofKind(records, 'site')[0]?.site.baseBlogUrl ?? '';
  expect(siteUrl).toBe('https://wpthemetestdata.wordpress.com');
  expect(
    sitePathFor('https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg', siteUrl),
  ).toBe('/images/wordpress/2008/06/canola2.jpg');
});

it('leaves another blog’s picture in a body alone (wp-themes.com’s preview shows one)', () => {
  const xml = fixtureText('theme-preview.xml');
  const siteUrl = /<wp:base_site_url>([^<]+)</.exec(xml)?.[1] ?? '';
  const sources = [...xml.matchAll(/<img[^>]*?\ssrc="([^"]+)"/g)].map((match) => match[1] ?? '');
  expect({ siteUrl, sources }).toEqual({
    siteUrl: 'https://wp-themes.com',
    sources: ['https://wpdotorg.files.wordpress.com/2008/11/boat.jpg'],
  });
  expect(sources.map((url) => sitePathFor(url, siteUrl))).toEqual([null]);
});
