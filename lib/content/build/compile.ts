import { compile } from '@mdx-js/mdx';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { withEntryHtml } from '../live/entry-html';
import { extractUpdates, type UpdateBlock } from '../mdx/live-entries';
import { mdxPlugins } from '../mdx/plugins';
import type { MdxProblem } from '../mdx/remark-check-mdx';
import { plainText, readingMinutes } from '../mdx/text';
import { extractToc, type TocEntry } from '../mdx/toc';
import type { MdxNode } from '../mdx/tree';
import { parseFrontmatter } from './frontmatter';

/** A problem in the body, already on the file's own line numbers. */
export type BodyProblem = { line: number; problem: string; fix: string };

/**
 * Everything the build needs of one MDX file, and all it keeps in its cache: compiling is the
 * expensive part, so it happens once per version of a file and never again.
 */
export type CompiledDocument = {
  /** The frontmatter as YAML gave it, before the schema looked at it. */
  data: Record<string, unknown>;
  lines: Record<string, number>;
  yamlErrors: { line: number; message: string }[];
  /** The body as a function body for @mdx-js/mdx's `run`; null when it has problems. */
  code: string | null;
  problems: BodyProblem[];
  /** Every Markdown link, for the check that internal ones lead somewhere. */
  links: { url: string; line: number }[];
  toc: TocEntry[];
  /** A live story's entries, on the file's lines (docs/decisions/030); empty for other articles. */
  updates: UpdateBlock[];
  readingMinutes: number;
  /** The words readers read, for search and for "You may also like". */
  text: string;
};

/** Some compile errors carry their position only in the text, as "(3:1-3:22)". */
const POSITION_IN_TEXT = /\s*\((\d+):\d+(?:-\d+:\d+)?\)/;

function compileFailure(error: unknown): { line: number | undefined; reason: string } {
  const e = error as {
    line?: number;
    place?: { line?: number; start?: { line?: number } };
    reason?: string;
    message?: string;
  };
  const reason = (e.reason ?? e.message ?? String(error)).split('\n')[0] ?? '';
  const inText = POSITION_IN_TEXT.exec(reason);
  return {
    line:
      e.line ?? e.place?.start?.line ?? e.place?.line ?? (inText ? Number(inText[1]) : undefined),
    reason: reason.replace(POSITION_IN_TEXT, ''),
  };
}

function wordsOf(body: string) {
  const text = plainText(body);
  return { text, readingMinutes: readingMinutes(text) };
}

/** What the checks and the index need of a document, without its code and words. */
export type DocSummary = Omit<CompiledDocument, 'code' | 'text'>;

/** Parses, checks and compiles one article or author file. Never throws for bad content. */
export async function compileDocument(source: string): Promise<CompiledDocument> {
  const fm = parseFrontmatter(source);
  const toFile = (line: number | undefined) => (line ?? 1) + fm.bodyLine - 1;
  const problems: BodyProblem[] = [];
  const links: { url: string; line: number }[] = [];
  const collectLinks = () => (tree: Root) => {
    visit(tree, 'link', (node) => {
      links.push({ url: node.url, line: toFile(node.position?.start.line) });
    });
  };
  let updates: UpdateBlock[] = [];
  const collectUpdates = () => (tree: Root) => {
    updates = extractUpdates(tree as unknown as MdxNode).map((u) => ({
      ...u,
      line: toFile(u.line),
    }));
  };
  const { remarkPlugins, rehypePlugins } = mdxPlugins(({ line, problem, fix }: MdxProblem) =>
    problems.push({ line: toFile(line), problem, fix }),
  );
  let code: string | null = null;
  try {
    const file = await compile(fm.body, {
      outputFormat: 'function-body',
      remarkPlugins: [...remarkPlugins, collectLinks, collectUpdates],
      rehypePlugins,
    });
    code = String(file.value);
  } catch (error) {
    const { line, reason } = compileFailure(error);
    problems.push({
      line: toFile(line),
      problem: `MDX does not compile: ${reason}`,
      fix: 'check the tags and braces there; write { and < in prose as words',
    });
  }
  const ok = problems.length === 0 && code !== null;
  return {
    data: fm.data,
    lines: fm.lines,
    yamlErrors: fm.errors,
    code: ok ? code : null,
    problems,
    links,
    toc: extractToc(fm.body),
    // Rendered here, once per version of the file, so it is kept in the compile cache with it.
    updates: ok && code !== null ? withEntryHtml(code, updates) : updates,
    ...wordsOf(fm.body),
  };
}
