import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { convertBody } from '@/lib/import/wordpress/body/convert';
import { items, readAll } from '@/test/support/wordpress-exports';
import { invalidHtml, renderBody } from '@/test/support/rendered-body';
import { rehypeTableRegions } from './rehype-table-regions';

const html = (md: string, { twice = false } = {}) => {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype);
  processor.use(rehypeTableRegions);
  // unified uses a plugin once however often it is given, so the second run is its own plugin.
  if (twice) processor.use(() => rehypeTableRegions());
  return String(processor.use(rehypeStringify).processSync(md));
};

const names = (out: string) =>
  [...out.matchAll(/aria-label="([^"]*)"/g)].map(([, name]) => name ?? '');
const table = (cell: string) => `| ${cell} |\n| - |\n| 1 |\n`;
const lines = (...rows: string[]) => rows.join('\n');

describe('rehypeTableRegions', () => {
  it('wraps a table in a focusable region named after the heading above it', () => {
    const out = html('## Who supplies what\n\n| A | B |\n| - | - |\n| 1 | 2 |\n');
    expect(out).toContain(
      '<div class="table-region" role="region" aria-label="Table: Who supplies what" tabindex="0"><table>',
    );
    expect(out).toMatch(/<th scope="col">A<\/th>\s*<th scope="col">B<\/th>/);
    expect(out).toContain('<td>1</td>');
  });

  it('makes an empty header cell (the corner above row names) an ordinary cell', () => {
    const out = html('|  | 2025 | ![Trend](/t.png) |\n| - | - | - |\n| Rail | 3 | 4 |\n');
    expect(out).toMatch(/<thead>\s*<tr>\s*<td><\/td>\s*<th scope="col">2025<\/th>/);
    expect(out).toContain('<th scope="col"><img src="/t.png" alt="Trend"></th>');
    expect(out).not.toMatch(/<th[^>]*>\s*<\/th>/);
  });

  it('numbers tables that have no heading before them', () => {
    const out = html(`${table('A')}\ntext\n\n${table('B')}`);
    expect(names(out)).toEqual(['Table 1', 'Table 2']);
  });

  it('numbers tables that share a heading, and keeps the name of one alone under its own', () => {
    const out = html(
      lines('## Prices', '', table('A'), table('B'), table('C'), '## Sources', '', table('D')),
    );
    expect(names(out)).toEqual([
      'Table 1 of 3: Prices',
      'Table 2 of 3: Prices',
      'Table 3 of 3: Prices',
      'Table: Sources',
    ]);
  });

  it('numbers tables under two headings with the same words', () => {
    const out = html(lines('## Results', '', table('A'), '## Results', '', table('B')));
    expect(names(out)).toEqual(['Table 1 of 2: Results', 'Table 2 of 2: Results']);
  });

  it('keeps a name to 100 characters when the heading is a paragraph long', () => {
    const heading = 'word '.repeat(2_000);
    const [name = ''] = names(html(`## ${heading}\n\n${table('A')}`));
    expect([...name.replace('Table: ', '')]).toHaveLength(100);
    expect(name).toMatch(/^Table: word word .*…$/);
  });

  it('wraps a table once when it runs twice', () => {
    const out = html(`## Prices\n\n${table('A')}`, { twice: true });
    expect(out.match(/table-region/g)).toHaveLength(1);
  });
});

/** Tables inside the boxes an editor or the WordPress import writes, as the site renders them. */
const NESTED: Record<string, string> = {
  '<details>': lines('<details>', '<summary>Full results</summary>', '', table('A'), '</details>'),
  '<details> in a <Callout>': lines(
    '<Callout title="Method">',
    '',
    '<details>',
    '<summary>Full results</summary>',
    '',
    table('A'),
    '</details>',
    '',
    '</Callout>',
  ),
  '<Callout>': lines('<Callout tone="analysis">', '', table('A'), '</Callout>'),
  '<PullQuote>': lines('<PullQuote cite="The report">', '', table('A'), '</PullQuote>'),
  '<KeyTakeaways>': lines('<KeyTakeaways>', '', table('A'), '</KeyTakeaways>'),
  'a list item': lines('- Before:', '', '  ' + table('A').trimEnd().split('\n').join('\n  ')),
  'a block quote': lines('> Quoted:', '>', '> ' + table('A').trimEnd().split('\n').join('\n> ')),
};

describe('tables inside boxes', () => {
  it.each(Object.entries(NESTED))(
    'a table in %s gets one region, and the page is valid HTML',
    async (_box, mdx) => {
      const out = await renderBody(`## Prices\n\n${mdx}`);
      expect(out.match(/<table/g)).toHaveLength(1);
      expect(out).toMatch(
        /<div class="table-region" role="region" aria-label="[^"]+" tabindex="0"><table>/,
      );
      expect(out.match(/table-region/g)).toHaveLength(1);
      expect(await invalidHtml(out)).toEqual([]);
    },
  );

  it('a table in a <figure> is named after its caption', async () => {
    const out = await renderBody(
      lines(
        '## Prices',
        '',
        '<figure>',
        '',
        table('A'),
        '<figcaption>Fares by zone</figcaption>',
        '</figure>',
      ),
    );
    expect(names(out)).toEqual(['Table: Fares by zone']);
    expect(await invalidHtml(out)).toEqual([]);
  });
});

/**
 * WordPress's Theme Unit Test export has posts with two tables under one heading: "Block category:
 * Formatting" (two table blocks after "a heading") and "WP 6.1 Text category blocks" (two
 * captioned table blocks after "H6 Heading"). Imported, they must render with distinct names.
 */
const theme = items(await readAll('themeunittestdata.wordpress.xml'));

describe.each([1732, 8])('Theme Unit Test post %i, imported', (postId) => {
  it('names each of its tables differently, and renders valid HTML', async () => {
    const item = theme.find((each) => each.postId === postId);
    const { mdx } = convertBody(item?.content ?? '', {
      attachments: new Map(),
      picturePath: () => null,
      siteUrl: 'https://wpthemetestdata.wordpress.com',
    });
    const out = await renderBody(mdx);
    const regions = names(out).filter((name) => name.startsWith('Table'));
    expect(regions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(regions).size).toBe(regions.length);
    expect(await invalidHtml(out)).toEqual([]);
  });
});

/**
 * "Markup: HTML Tags and Formatting" has a table whose header row has an empty cell, and a
 * poem in <pre> wider than a phone: no empty header cell, and the <pre> reachable by keyboard.
 */
describe('Theme Unit Test “Markup: HTML Tags and Formatting”, imported', () => {
  it('has no empty header cell and a focusable preformatted block', async () => {
    const item = theme.find((each) => each.title === 'Markup: HTML Tags and Formatting');
    expect(item).toBeDefined();
    const { mdx } = convertBody(item?.content ?? '', {
      attachments: new Map(),
      picturePath: () => null,
      siteUrl: 'https://wpthemetestdata.wordpress.com',
    });
    const out = await renderBody(mdx);
    expect(out).toContain('<pre tabindex="0">');
    expect(out).not.toMatch(/<th[^>]*>\s*<\/th>/);
    expect(await invalidHtml(out)).toEqual([]);
  });
});
