import { fixture } from '@/test/support/wordpress-exports';
import { readWxrFile } from '../reader';
import { attachedByPost, collect, loginKey, titleOf } from './collect';

describe('collect (pass 1) on the Theme Unit Test export', () => {
  it('keeps each attachment’s picture, description and caption, and each post’s gallery in order', async () => {
    const collected = await collect(readWxrFile(fixture('themeunittestdata.wordpress.xml')));
    expect(collected.items.length).toBe(79);
    expect(collected.attachments.size).toBe(37);
    const withAlt = [...collected.attachments.values()].filter((a) => a.alt !== '');
    expect(withAlt.length).toBeGreaterThan(0);
    const gallery = attachedByPost(collected.attachments).get(555) ?? [];
    expect(gallery.length).toBeGreaterThan(5);
    const orders = gallery.map((id) => collected.attachments.get(id)?.order ?? 0);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(collected.otherTypes.get('nav_menu_item')).toBe(70);
    expect(collected.usedTags.has('sticky')).toBe(false);
  });
});

describe('loginKey', () => {
  it('matches logins as WordPress’s importer does', () => {
    expect(loginKey('>themereviewteam')).toBe('themereviewteam');
    expect(loginKey('themereviewteam>')).toBe('themereviewteam');
    expect(loginKey('<b>editor</b>')).toBe('editor');
    expect(loginKey('Jane  Doe')).toBe('Jane Doe');
  });
});

describe('titleOf', () => {
  it('reads a title as the words WordPress shows', () => {
    expect(titleOf({ title: 'Markup: Title <em>With</em> <b>Mark<sup>up</sup></b>' })).toBe(
      'Markup: Title With Markup',
    );
    expect(titleOf({ title: 'Fish &amp; chips &#8211; at last' })).toBe('Fish & chips – at last');
  });
});
