import { compile } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import { extractUpdates, TEXT_KEPT, TEXT_MAX, type UpdateBlock } from './live-entries';
import type { MdxNode } from './tree';

/** The entries of a body, as the content build reads them (after MDX's own remark steps). */
async function updatesOf(mdx: string): Promise<UpdateBlock[]> {
  let found: UpdateBlock[] = [];
  const collect = () => (tree: Root) => {
    found = extractUpdates(tree as unknown as MdxNode);
  };
  await compile(mdx, { remarkPlugins: [collect] });
  return found;
}

describe('extractUpdates', () => {
  it('reads each entry’s time, title, flags, line and words, in the order written', async () => {
    const mdx = [
      'The summary, which is no entry.',
      '',
      '<Update time="2026-12-07T10:30:00+01:00" title=" Delegations arrive " keyEvent>',
      '',
      'Talks resume at **noon**, officials say; see `schedule.pdf`.',
      '',
      '- Ferries run.',
      '- Tolls [frozen](https://example.org).',
      '',
      '</Update>',
      '',
      '<Update time="2026-12-07T09:00:00Z" pinned>Pinned words.</Update>',
    ].join('\n');
    expect(await updatesOf(mdx)).toEqual([
      {
        line: 3,
        time: '2026-12-07T09:30:00.000Z',
        title: 'Delegations arrive',
        keyEvent: true,
        pinned: false,
        text: 'Talks resume at noon, officials say; see schedule.pdf. Ferries run. Tolls frozen.',
      },
      {
        line: 12,
        time: '2026-12-07T09:00:00.000Z',
        keyEvent: false,
        pinned: true,
        text: 'Pinned words.',
      },
    ]);
  });

  it('keeps a missing or malformed time as null, for the checks to name', async () => {
    const found = await updatesOf(
      '<Update>x</Update>\n\n<Update time="09:30">y</Update>\n\n<Update title>z</Update>',
    );
    expect(found.map((u) => [u.line, u.time, u.title])).toEqual([
      [1, null, undefined],
      [3, null, undefined],
      [5, null, undefined],
    ]);
  });

  it(`keeps the words of the newest ${TEXT_KEPT} entries only, each cut at ${TEXT_MAX} characters`, async () => {
    const entries = Array.from({ length: TEXT_KEPT + 3 }, (_, i) => {
      const minute = String(i).padStart(2, '0');
      const words = i === TEXT_KEPT + 2 ? 'word '.repeat(400) : `Entry ${i}.`;
      return `<Update time="2026-12-07T09:${minute}:00Z">${words}</Update>`;
    });
    const found = await updatesOf(entries.join('\n\n'));
    expect(found.map((u) => u.text !== undefined)).toEqual([
      false,
      false,
      false,
      ...Array<boolean>(TEXT_KEPT).fill(true),
    ]);
    const longest = found.at(-1)?.text ?? '';
    expect(longest.length).toBeLessThanOrEqual(TEXT_MAX + 1);
    expect(longest).toMatch(/^word word .* word…$/);
  });

  it('sees only entries at the top of the body', async () => {
    expect(
      await updatesOf('<Callout>\n<Update time="2026-12-07T09:00:00Z">x</Update>\n</Callout>'),
    ).toEqual([]);
  });
});
