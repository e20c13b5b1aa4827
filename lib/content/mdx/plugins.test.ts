import { invalidHtml, renderBody } from '@/test/support/rendered-body';

/**
 * Headings link to themselves. Each of these headings holds a link of its own, written the ways
 * an editor (or an import) can: a bare address GFM turns into a link, an address without a
 * scheme, an e-mail address, an escaped address, a Markdown link, an <a>, a footnote mark.
 */
const HEADINGS_WITH_LINKS: Record<string, string> = {
  'a bare address': '## Sources: https://example.com/report?page=2',
  // GFM finds addresses in the text after escapes are read, so this is a link too.
  'an address escaped as the WordPress import writes it': '## See https\\://example.com/a now',
  'www. without a scheme': '## Visit www.example.com today',
  'an e-mail address': '### Write to tips@example.com',
  'a Markdown link': '## Read [the ruling](https://example.com/ruling) first',
  'an <a> in MDX': '## Read <a href="https://example.com/ruling">the ruling</a> first',
  'a footnote mark': '## Turnout fell[^1]\n\n[^1]: By the county count.',
};

describe('heading links', () => {
  it.each(Object.entries(HEADINGS_WITH_LINKS))(
    'a heading holding %s keeps its link and id, and no link holds another',
    async (_form, mdx) => {
      const html = await renderBody(mdx);
      expect(await invalidHtml(html)).toEqual([]);
      const heading = /<h[23] id="[^"]+">(.*?)<\/h[23]>/.exec(html)?.[1] ?? '';
      expect(heading).toMatch(/<a [^>]*href="(https?:|mailto:|#user-content-fn)/);
      expect(heading).not.toContain('heading-anchor');
    },
  );

  it('a heading without one is wrapped in the link to itself', async () => {
    const html = await renderBody('## Who supplies what\n\nText.');
    expect(html).toContain(
      '<h2 id="who-supplies-what"><a class="heading-anchor" href="#who-supplies-what">Who supplies what</a></h2>',
    );
    expect(await invalidHtml(html)).toEqual([]);
  });
});
