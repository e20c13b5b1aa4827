import { mkdtempSync, rmSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FIXTURES } from '@/test/support/wordpress-exports';
import { readWxrFile } from '../reader';
import type { WxrRecord } from '../records';
import { ItemSpool } from './spool';

/** WordPress's own Theme Unit Test: posts, pages, attachments, menus, comments, odd text. */
const THEME = path.join(FIXTURES, 'themeunittestdata.wordpress.xml');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'masthead-spool-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function all<T>(values: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of values) out.push(value);
  return out;
}

describe('the spool pass 1 keeps for pass 2', () => {
  it('passes every record through and gives back the posts and pages as they were read', async () => {
    const spool = new ItemSpool(path.join(dir, 'items.spool'));
    const passed = await all(spool.keep(readWxrFile(THEME)));
    expect(passed).toEqual(await all(readWxrFile(THEME)));
    const kept = passed.flatMap((record: WxrRecord) =>
      record.kind === 'item' && ['post', 'page'].includes(record.item.postType)
        ? [record.item]
        : [],
    );
    // Attachments and menu items are pass 1's alone; the posts and pages come back whole.
    expect(passed.some((r) => r.kind === 'item' && r.item.postType === 'attachment')).toBe(true);
    expect(kept.length).toBeGreaterThan(30);
    expect(await all(spool.items())).toEqual(kept);
    spool.close();
  });

  it('keeps a body of megabytes and a post twice, in order', async () => {
    const spool = new ItemSpool(path.join(dir, 'items.spool'));
    const [first] = (await all(readWxrFile(THEME))).flatMap((r) =>
      r.kind === 'item' && r.item.postType === 'post' ? [r.item] : [],
    );
    if (!first) throw new Error('the fixture has no post');
    const huge = { ...first, content: '<p>Long.</p>'.repeat(400_000) };
    const records: WxrRecord[] = [
      { kind: 'item', item: huge },
      { kind: 'item', item: first },
      { kind: 'item', item: huge },
    ];
    await all(
      spool.keep(
        (async function* () {
          yield* records;
        })(),
      ),
    );
    expect(await all(spool.items())).toEqual([huge, first, huge]);
  });

  it('says so when its file was cut short, rather than losing the last item', async () => {
    const file = path.join(dir, 'items.spool');
    const spool = new ItemSpool(file);
    await all(spool.keep(readWxrFile(THEME)));
    truncateSync(file, statSync(file).size - 10);
    await expect(all(spool.items())).rejects.toThrow(/ends inside an item/);
  });

  it('never writes into a file that is already there', () => {
    const file = path.join(dir, 'items.spool');
    writeFileSync(file, 'not ours');
    expect(() => new ItemSpool(file)).toThrow(/EEXIST/);
  });
});
