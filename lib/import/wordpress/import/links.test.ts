import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { categoryXml, itemXml, WXR_FOOTER, wxrHeader } from '@/bench/wxr-export';
import { scratchSite, type ScratchSite } from '@/test/support/wordpress-site';
import { contentCheck } from '@/test/support/content-check';
import { importWordPress } from './run';

/**
 * A site whose permalinks are /%category%/%postname%/ (two segments, like this site's own
 * article addresses) and whose stories link to each other, to a page in a folder and to a
 * draft: the links lead to the new addresses, and the content check accepts what the import
 * wrote, with and without an editor's link to an old address.
 */
let site: ScratchSite;
let work: string;

beforeAll(async () => {
  site = await scratchSite();
  work = mkdtempSync(path.join(tmpdir(), 'masthead-wp-links-'));
  mkdirSync(path.join(work, 'uploads'));
});
afterAll(async () => {
  await site.db.destroy();
  rmSync(site.box, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const inSection = [{ domain: 'category', nicename: 'local', name: 'local' }];
const OLD = 'https://news.example';

const check = async () => (await contentCheck(site.root)).errors;

describe('links between imported stories', { timeout: 120_000 }, () => {
  it('lead to where the stories and pages are now, and the content check accepts them', async () => {
    const file = path.join(work, 'linked.xml');
    const body = [
      `<p>Read <a href="${OLD}/local/bridge-reopens/">the first story</a>,`,
      ` <a href="/local/bridge-reopens/#comments">its comments</a>,`,
      ` <a href="${OLD}/?p=11">by number</a>,`,
      ` <a href="${OLD}/about/team/">the team</a>`,
      ` and <a href="${OLD}/local/not-yet/">a draft</a>.</p>`,
    ].join('');
    writeFileSync(
      file,
      wxrHeader() +
        categoryXml({ nicename: 'local' }) +
        itemXml({
          id: 11,
          title: 'The bridge reopens',
          slug: 'bridge-reopens',
          link: `${OLD}/local/bridge-reopens/`,
          content: '<p>Traffic flows again.</p>',
          categories: inSection,
        }) +
        itemXml({
          id: 12,
          title: 'Follow-up on the bridge',
          slug: 'bridge-follow-up',
          link: `${OLD}/local/bridge-follow-up/`,
          content: body,
          categories: inSection,
        }) +
        itemXml({
          id: 13,
          title: 'Not yet',
          slug: 'not-yet',
          link: `${OLD}/local/not-yet/`,
          content: '<p>Unfinished.</p>',
          status: 'draft',
          categories: inSection,
        }) +
        itemXml({ id: 20, title: 'About', slug: 'about', type: 'page', content: '<p>Us.</p>' }) +
        itemXml({
          id: 21,
          title: 'Team',
          slug: 'team',
          type: 'page',
          parent: 20,
          link: `${OLD}/about/team/`,
          content: '<p>Who we are.</p>',
        }) +
        WXR_FOOTER,
    );
    const report = await importWordPress({
      exportFile: file,
      root: site.root,
      db: site.db,
      pictures: { uploadsDir: path.join(work, 'uploads') },
    });
    expect(report.error).toBeNull();
    const mdx = readFileSync(path.join(site.root, 'content/articles/bridge-follow-up.mdx'), 'utf8');
    // The permalink is already the new address (trailing slash aside): it stays as written.
    expect(mdx).toContain('[the first story](/local/bridge-reopens/)');
    expect(mdx).toContain('[its comments](/local/bridge-reopens/#comments)');
    expect(mdx).toContain('[by number](/local/bridge-reopens)');
    expect(mdx).toContain('[the team](/about/team/)');
    // A draft has no redirect (its address was never public): the old path stays as written.
    expect(mdx).toContain('[a draft](/local/not-yet/)');
    expect(await check()).toEqual([]);
  });

  it('lets an editor link to an old address that a redirect answers, and to a page in a folder', async () => {
    const story = path.join(site.root, 'content/articles/bridge-follow-up.mdx');
    writeFileSync(
      story,
      `${readFileSync(story, 'utf8')}\nSee [the old address](/2019/05/bridge/) and [the team](/about/team/) and [the bridge](/local/bridge-reopens/).\n`,
    );
    const redirects = path.join(site.root, 'content/redirects/editor.yaml');
    writeFileSync(
      redirects,
      'redirects:\n  - from: /2019/05/bridge/\n    to: /local/bridge-reopens\n',
    );
    expect(await check()).toEqual([]);
    writeFileSync(story, `${readFileSync(story, 'utf8')}\nAnd [nowhere](/local/no-such-story).\n`);
    expect((await check()).join('\n')).toMatch(/link to \/local\/no-such-story leads nowhere/);
  });
});
