import { expect, test } from './test';
import { sitemapSchemaErrors } from '../test/support/schemas/validate';

// The sample newsroom's stories are older than 48 hours, so this is the quiet-newsroom case
// that used to be an empty <urlset>.
for (const path of ['/sitemap.xml', '/news-sitemap.xml']) {
  test(`${path} is valid against the sitemaps.org and Google News schemas`, async ({ request }) => {
    const answer = await request.get(path);
    expect(answer.status()).toBe(200);
    const xml = await answer.text();
    expect(xml).toContain('<url>');
    expect(await sitemapSchemaErrors(xml)).toEqual([]);
  });
}
