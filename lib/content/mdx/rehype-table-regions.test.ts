import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeTableRegions } from './rehype-table-regions';

const html = (md: string) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype)
      .use(rehypeTableRegions)
      .use(rehypeStringify)
      .processSync(md),
  );

describe('rehypeTableRegions', () => {
  it('wraps a table in a focusable region named after the heading above it', () => {
    const out = html('## Who supplies what\n\n| A | B |\n| - | - |\n| 1 | 2 |\n');
    expect(out).toContain(
      '<div class="table-region" role="region" aria-label="Table: Who supplies what" tabindex="0"><table>',
    );
    expect(out).toMatch(/<th scope="col">A<\/th>\s*<th scope="col">B<\/th>/);
    expect(out).toContain('<td>1</td>');
  });

  it('numbers tables that have no heading before them', () => {
    const out = html('| A |\n| - |\n| 1 |\n\ntext\n\n| B |\n| - |\n| 2 |\n');
    expect(out).toContain('aria-label="Table 1"');
    expect(out).toContain('aria-label="Table 2"');
  });
});
