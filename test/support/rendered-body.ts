import { HtmlValidate } from 'html-validate';
import { renderToStaticMarkup } from 'react-dom/server';
import { mdxComponents } from '@/components/mdx/mdx-components';
import { compileDocument } from '@/lib/content/build/compile';
import { renderMdx } from '@/lib/content/mdx/render';

/**
 * An article body as readers get it: the content build's compile (checks included), rendered
 * with the site's components, and the page around it through html-validate.
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

/** The body's HTML; throws with the content check's problems when the build would refuse it. */
export async function renderBody(mdx: string): Promise<string> {
  const doc = await compileDocument(mdx);
  if (doc.code === null) {
    throw new Error(doc.problems.map((p) => `line ${p.line}: ${p.problem}; ${p.fix}`).join('\n'));
  }
  return renderToStaticMarkup(renderMdx(doc.code, mdxComponents));
}

/**
 * What html-validate says of a page whose <main> is this body, after the article's title
 * unless `title: false` (a body checked on its own, as an editor's component is).
 */
export async function invalidHtml(body: string, { title = true } = {}): Promise<string[]> {
  const heading = title ? '<h1>Title</h1>' : '';
  const page = `<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>${heading}${body}</main></body></html>`;
  const report = await validator.validateString(page);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`));
}

export type Rendered = { problems: string[]; html: string; invalid: string[] };

/** A body through the content build and the renderer, and the page through html-validate. */
export async function buildAndValidate(mdx: string): Promise<Rendered> {
  const doc = await compileDocument(mdx);
  if (doc.code === null) {
    const problems = doc.problems.map((p) => `line ${p.line}: ${p.problem}; ${p.fix}`);
    return { problems, html: '', invalid: [] };
  }
  const html = renderToStaticMarkup(renderMdx(doc.code, mdxComponents));
  return { problems: [], html, invalid: await invalidHtml(html) };
}
