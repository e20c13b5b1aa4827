import { describe, expect, it } from 'vitest';
import { readWxrFile } from '../reader';
import type { WxrItem } from '../schema';
import { fixture } from '@/test/support/wordpress-exports';
import { convertBody } from './convert';
import { buildAndValidate } from '@/test/support/rendered-body';
import type { BodyContext, PictureInfo } from './types';

/**
 * Every post and page in WordPress's own test exports — the Theme Unit Test data (classic
 * markup, shortcodes, embeds, hostile HTML) and the block editor's 64-block test data — goes
 * through convertBody, Masthead's content build and html-validate, as an imported article would.
 */

type Export = {
  siteUrl: string;
  attachments: Map<number, PictureInfo>;
  /** Each post's attachments, as WordPress orders a gallery: menu_order, then id. */
  attached: Map<number, { id: number; order: number }[]>;
  bodies: WxrItem[];
};

async function readExport(name: string): Promise<Export> {
  const attachments = new Map<number, PictureInfo>();
  const attached = new Map<number, { id: number; order: number }[]>();
  const bodies: WxrItem[] = [];
  let siteUrl = '';
  for await (const record of readWxrFile(fixture(name))) {
    if (record.kind === 'site') siteUrl = record.site.baseSiteUrl || record.site.link;
    if (record.kind !== 'item') continue;
    const { item } = record;
    if (item.postType === 'attachment' && item.attachmentUrl) {
      const alt = item.meta.find((m) => m.key === '_wp_attachment_image_alt')?.value ?? '';
      attachments.set(item.postId, {
        url: item.attachmentUrl,
        alt,
        caption: item.excerpt,
        title: item.title,
      });
      const siblings = attached.get(item.postParent) ?? [];
      siblings.push({ id: item.postId, order: item.menuOrder });
      attached.set(item.postParent, siblings);
    }
    if (item.postType === 'post' || item.postType === 'page') bodies.push(item);
  }
  return { siteUrl, attachments, attached, bodies };
}

/** Pictures come across by their path (these exports keep theirs on WordPress.com's servers). */
const picturePath = (url: string) => {
  const { pathname } = new URL(url);
  return /\.(jpe?g|png|gif)$/i.test(pathname) ? `/images/wordpress${pathname}` : null;
};

const contextFor = (site: Export, item: WxrItem): BodyContext => ({
  attachments: site.attachments,
  picturePath,
  siteUrl: site.siteUrl,
  footnotes: item.meta.find((m) => m.key === 'footnotes')?.value,
  attached: (site.attached.get(item.postId) ?? [])
    .sort((a, b) => a.order - b.order || a.id - b.id)
    .map(({ id }) => id),
});

const EXPORTS = [{ name: 'themeunittestdata.wordpress.xml' }, { name: '64-block-test-data.xml' }];

const sites = await Promise.all(
  EXPORTS.map(async (entry) => ({ ...entry, site: await readExport(entry.name) })),
);

describe.each(sites)('$name', ({ site }) => {
  it('has the posts and pages these tests are about', () => {
    expect(site.bodies.length).toBeGreaterThan(20);
  });

  it.each(site.bodies.map((item) => [`#${item.postId} ${item.title}`, item] as const))(
    '%s: converts into MDX that builds and renders valid HTML',
    async (_title, item) => {
      const body = convertBody(item.content, contextFor(site, item));
      const rendered = await buildAndValidate(body.mdx);
      expect(rendered.problems).toEqual([]);
      // Two tables under one heading (posts 8, 1732, 57) once shared a landmark name here.
      expect(rendered.invalid).toEqual([]);
    },
  );
});
