import { decide, emptyManifest, manifestText, parseManifest, sha256 } from './manifest';

describe('decide', () => {
  const a = sha256('a');
  const b = sha256('b');
  const c = sha256('c');
  it.each([
    ['a new file', undefined, null, a, false, 'write'],
    ['the same file again', a, a, a, false, 'unchanged'],
    ['a change in the export to an untouched file', a, a, b, false, 'write'],
    ['a change in the export to a file an editor changed', a, c, b, false, 'edited'],
    ['the same, forced', a, c, b, true, 'write'],
    ['a file an editor deleted', a, null, b, false, 'deleted'],
    ['the same, forced', a, null, b, true, 'write'],
    ['a file the newsroom made at that place', undefined, c, b, false, 'not-ours'],
    ['an editor’s change that is what the export says now', a, b, b, false, 'unchanged'],
  ] as const)('%s → %s', (_, previous, disk, next, force, decision) => {
    expect(decide(previous, disk, next, force)).toBe(decision);
  });
});

describe('the manifest file', () => {
  it('reads back what it writes, with keys in order, so an unchanged import writes the same bytes', () => {
    const manifest = {
      ...emptyManifest(),
      sites: {
        'https://old.example': {
          posts: { '2': 'b', '1': 'a' },
          pages: {},
          sections: {},
          authors: {},
        },
      },
      files: { 'content/z.mdx': sha256('z'), 'content/a.mdx': sha256('a') },
    };
    const text = manifestText(manifest);
    const again = parseManifest(text);
    expect(typeof again).toBe('object');
    expect(manifestText(again as typeof manifest)).toBe(text);
    expect(text.indexOf('content/a.mdx')).toBeLessThan(text.indexOf('content/z.mdx'));
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another format', '{"format":2}', /not an import record/],
    ['a bad hash', '{"format":1,"files":{"content/a.mdx":"x"}}', /not an import record/],
    ['unknown fields', '{"format":1,"extra":true}', /not an import record/],
  ])('refuses %s', (_, text, message) => {
    expect(parseManifest(text)).toMatch(message);
  });
});
