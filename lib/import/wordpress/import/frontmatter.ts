import { stringify } from 'yaml';

/**
 * YAML for frontmatter and the redirects file. Every string double-quoted on one line: a value
 * the old site wrote (`title: "Yes: no"`, a line of `---` in an excerpt, `#hashtag`) stays a
 * string, a newline is written `\n` and can never end the frontmatter early, and a YAML tag or
 * anchor in it is only text.
 */
export function toYaml(value: Record<string, unknown>): string {
  return stringify(withoutUndefined(value), {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
  });
}

function withoutUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}

/** A content file: a comment saying where it came from, the frontmatter, then the body. */
export function mdxFile(origin: string, fields: Record<string, unknown>, body: string): string {
  const text = body.trim();
  return `---\n# ${origin}\n${toYaml(fields)}---\n${text === '' ? '' : `\n${text}\n`}`;
}
