import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bodyFile, currentVersionId, VERSION_FILES, versionDir } from './layout';
import { addFullSearch, collectGarbage, newVersionId, writeBodies, writeVersion } from './write';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'masthead-store-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A version using one body, after `previous`; the first has the full search index. */
function version(body: string, previous?: string): string {
  const id = newVersionId();
  writeBodies(root, new Map([[body, `code of ${body}`]]));
  writeVersion(
    root,
    {
      id,
      ...(previous ? { previous } : {}),
      createdAt: new Date().toISOString(),
      fullSearch: !previous,
      articles: 1,
      changed: { added: [], edited: [], removed: [] },
    },
    {
      [VERSION_FILES.index]: '{}',
      [VERSION_FILES.sources]: JSON.stringify({ files: { a: { body } } }),
      [previous ? VERSION_FILES.searchChanges : VERSION_FILES.search]: '{}',
    },
  );
  return id;
}

describe('collectGarbage', () => {
  it('keeps the newest versions whole, the chain back to a full search index for replaying, and the bodies they use', () => {
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) ids.push(version(`body${i}`.padEnd(32, '0'), ids.at(-1)));
    collectGarbage(root);
    expect(currentVersionId(root)).toBe(ids[8]);
    // The five newest whole; the older four only what replaying search needs.
    for (const id of ids.slice(4))
      expect(existsSync(path.join(versionDir(id, root), VERSION_FILES.index))).toBe(true);
    for (const id of ids.slice(0, 4)) {
      expect(readdirSync(versionDir(id, root)).sort()).toEqual(
        id === ids[0]
          ? [VERSION_FILES.search, VERSION_FILES.meta]
          : [VERSION_FILES.searchChanges, VERSION_FILES.meta],
      );
    }
    expect(existsSync(bodyFile('body8'.padEnd(32, '0'), root))).toBe(true);
    expect(existsSync(bodyFile('body0'.padEnd(32, '0'), root))).toBe(false);
  });

  it('lets the chain go once the current version has a full search index', () => {
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) ids.push(version(`body${i}`.padEnd(32, '0'), ids.at(-1)));
    addFullSearch(root, ids[8]!, '{}');
    collectGarbage(root);
    expect(readdirSync(path.join(root, '.masthead', 'content', 'versions')).sort()).toEqual(
      ids.slice(4).sort(),
    );
  });
});
