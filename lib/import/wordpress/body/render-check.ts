import { HtmlValidate } from 'html-validate';
import { renderToStaticMarkup } from 'react-dom/server';
import { mdxComponents } from '@/components/mdx/mdx-components';
import { compileDocument } from '@/lib/content/build/compile';
import { renderMdx } from '@/lib/content/mdx/render';

/**
 * For tests: a converted body through Masthead's own content build (the compile with the
 * content check in it) and renderer, and the page's HTML through html-validate, configured as
 * components/mdx/editor-forms.test.tsx configures it for editors' MDX.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // React writes dateTime and ids like _R_0_; both are valid HTML, the rules are about style.
    'attr-case': 'off',
    'valid-id': 'off',
    // The table regions are divs with role="region" on purpose: a scrolling box, not a section.
    'prefer-native-element': 'off',
    // React writes <br/>, and React 19 adds <link rel="preload"> for images.
    'void-style': 'off',
  },
});

export type Rendered = { problems: string[]; html: string; invalid: string[] };

export async function buildAndValidate(mdx: string): Promise<Rendered> {
  const doc = await compileDocument(mdx);
  if (doc.code === null) {
    return {
      problems: doc.problems.map((p) => `line ${p.line}: ${p.problem}; ${p.fix}`),
      html: '',
      invalid: [],
    };
  }
  const html = renderToStaticMarkup(renderMdx(doc.code, mdxComponents));
  const page = `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main><h1>Title</h1>${html}</main></body></html>`;
  const report = await validator.validateString(page);
  const invalid = report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
  return { problems: [], html, invalid };
}
