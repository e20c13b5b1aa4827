import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fullSearchIndex, searchDoc, type SearchChanges } from '../build/search-step';
import { SEARCH_QUERY_OPTIONS } from './options';
import { VERSION_FILES } from '../store/layout';
import { writeTestVersion } from '@/test/support/content-version';

const doc = (slug: string, text: string) =>
  searchDoc({ slug, title: slug, dek: '', tags: [], section: 'world' }, text);

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'masthead-search-'));
  vi.resetModules();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const version = (files: Record<string, string>, previous?: string) =>
  writeTestVersion(root, files, previous ? { previous } : {});
const changes = (c: SearchChanges) => ({ [VERSION_FILES.searchChanges]: JSON.stringify(c) });
const hits = (
  index: { search: (q: string, o: object) => { id: unknown }[] } | undefined,
  q: string,
) => (index?.search(q, SEARCH_QUERY_OPTIONS) ?? []).map((r) => String(r.id));

describe('currentSearchIndex', () => {
  it('replays what each publish changed on the index it holds, and from a full one when cold', async () => {
    const base = version({
      [VERSION_FILES.search]: fullSearchIndex([
        doc('grid', 'copper grid demand'),
        doc('tariff', 'steel tariff'),
      ]),
    });
    const { currentSearchIndex } = await import('./current-index');
    expect(hits(currentSearchIndex(root), 'copper')).toEqual(['grid']);

    const next = version(
      changes({
        removed: ['tariff', 'grid'],
        added: [doc('grid', 'lithium grid batteries'), doc('new', 'copper smelter')],
      }),
      base,
    );
    expect(hits(currentSearchIndex(root), 'copper')).toEqual(['new']);
    expect(hits(currentSearchIndex(root), 'steel')).toEqual([]);
    expect(hits(currentSearchIndex(root), 'lithium')).toEqual(['grid']);

    // A server starting now holds nothing: the full index of `base`, then `next` replayed.
    vi.resetModules();
    const cold = await import('./current-index');
    expect(hits(cold.currentSearchIndex(root), 'copper')).toEqual(['new']);
    expect(next).toBeTruthy();
  });

  it('keeps answering from what it holds when a version cannot be read', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const base = version({ [VERSION_FILES.search]: fullSearchIndex([doc('grid', 'copper grid')]) });
    const { currentSearchIndex } = await import('./current-index');
    expect(hits(currentSearchIndex(root), 'copper')).toEqual(['grid']);
    version({ [VERSION_FILES.searchChanges]: '{ half a file' }, base);
    expect(hits(currentSearchIndex(root), 'copper')).toEqual(['grid']);
    spy.mockRestore();
  });
});
