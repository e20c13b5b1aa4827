import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

export type Frontmatter = {
  data: Record<string, unknown>;
  /** The line (1-based, in the whole file) where a top-level field starts. */
  lineOf: (field: string) => number;
  /** The line where the body starts. */
  bodyLine: number;
  body: string;
  /** YAML syntax errors, with their lines. */
  errors: { line: number; message: string }[];
};

/** Splits `---` frontmatter from the body and keeps the line of every field for messages. */
export function parseFrontmatter(source: string): Frontmatter {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) {
    return {
      data: {},
      lineOf: () => 1,
      bodyLine: 1,
      body: source,
      errors: [
        { line: 1, message: 'no frontmatter: start the file with a line of three dashes (---)' },
      ],
    };
  }
  const yamlText = match[1] ?? '';
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter });
  const lines = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        lines.set(String(pair.key.value), lineCounter.linePos(pair.key.range[0]).line + 1);
      }
    }
  }
  const data = (doc.errors.length === 0 ? doc.toJS() : {}) as Record<string, unknown> | null;
  const bodyLine = match[0].split('\n').length + (match[0].endsWith('\n') ? 0 : 1);
  return {
    data: data && typeof data === 'object' ? data : {},
    lineOf: (field) => lines.get(field) ?? 1,
    bodyLine,
    body: source.slice(match[0].length),
    errors: doc.errors.map((e) => ({
      line: (e.linePos?.[0]?.line ?? 0) + 1,
      message: `frontmatter is not valid YAML: ${e.message.split('\n')[0]}`,
    })),
  };
}
