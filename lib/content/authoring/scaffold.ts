import { slug as slugify } from 'github-slugger';
import { didYouMean } from '../schema/suggest';

export type ScaffoldRequest = {
  headline: string;
  section: string;
  author: string;
  sections: string[];
  authors: string[];
  existingSlugs: string[];
  today: Date;
};

export type Scaffold = { slug: string; file: string; text: string };

/**
 * A new article file: valid frontmatter, today's date, a slug from the headline, and
 * `draft: true` so nothing is published by accident. Throws an editor-readable message when
 * the section or author is unknown or the slug is taken.
 */
export function scaffoldArticle(req: ScaffoldRequest): Scaffold {
  const problems: string[] = [];
  if (!req.headline.trim())
    problems.push('give the headline in quotes, e.g. "Talks resume in Geneva"');
  if (!req.sections.includes(req.section)) {
    problems.push(
      `--section: unknown section "${req.section}"${didYouMean(req.section, req.sections)} (sections: ${req.sections.join(', ')})`,
    );
  }
  if (!req.authors.includes(req.author)) {
    problems.push(
      `--author: unknown author "${req.author}"${didYouMean(req.author, req.authors)} (authors: ${req.authors.join(', ')})`,
    );
  }
  const slug = slugify(req.headline.trim())
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (req.headline.trim() && !slug)
    problems.push('the headline needs some letters or digits to make a file name from');
  if (slug && req.existingSlugs.includes(slug)) {
    problems.push(
      `content/articles/${slug}.mdx already exists; choose another headline or edit that file`,
    );
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));

  const quoted = JSON.stringify(req.headline.trim());
  const text = `---
title: ${quoted}
dek: "One sentence that tells readers what happened and why it matters."
date: ${req.today.toISOString().slice(0, 10)}
section: ${req.section}
author: ${req.author}
tags: []
draft: true
---

Write the story here. Remove \`draft: true\` above when it is ready to publish.
`;
  return { slug, file: `content/articles/${slug}.mdx`, text };
}
