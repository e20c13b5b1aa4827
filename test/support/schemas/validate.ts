import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

const here = path.join(process.cwd(), 'test/support/schemas');
const file = (fileName: string) => ({
  fileName,
  contents: readFileSync(path.join(here, fileName), 'utf8'),
});

/**
 * libxml2's `xmllint --schema` over a sitemap: the sitemaps.org schema, and Google's News
 * extension for `news:` elements (the sitemap schema's `xsd:any` is strict, so an element of
 * an unknown namespace fails too). Returns xmllint's messages; none means valid.
 */
export async function sitemapSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName: 'sitemap.xml', contents: xml },
    schema: file('sitemaps.xsd'),
    preload: [file('sitemap.xsd'), file('sitemap-news.xsd')],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
