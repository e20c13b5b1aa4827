import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';

export type ParsedYaml = {
  data: Record<string, unknown>;
  /** The line (1-based, in the whole file) where each top-level field starts. */
  lines: Record<string, number>;
  /** YAML syntax errors, with their lines. */
  errors: { line: number; message: string }[];
};

export type Frontmatter = ParsedYaml & {
  /** The line (1-based, in the whole file) where a top-level field starts. */
  lineOf: (field: string) => number;
  /** The line where the body starts. */
  bodyLine: number;
  body: string;
};

/**
 * YAML as data only: the `yaml` package's default (core) schema has no tags that run code, and
 * nothing here hands frontmatter to an engine of another language (gray-matter's `---js` would
 * eval it). `firstLine` is where the YAML starts in its file.
 */
export function parseYaml(text: string, firstLine = 1): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        lines[String(pair.key.value)] = lineCounter.linePos(pair.key.range[0]).line + firstLine - 1;
      }
    }
  }
  const data = (doc.errors.length === 0 ? doc.toJS() : {}) as Record<string, unknown> | null;
  return {
    data: data && typeof data === 'object' && !Array.isArray(data) ? data : {},
    lines,
    errors: doc.errors.map((e) => ({
      line: (e.linePos?.[0]?.line ?? 1) + firstLine - 1,
      message: e.message.split('\n')[0] ?? e.message,
    })),
  };
}

/** Splits `---` frontmatter from the body and keeps the line of every field for messages. */
export function parseFrontmatter(source: string): Frontmatter {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) {
    return {
      data: {},
      lines: {},
      lineOf: () => 1,
      bodyLine: 1,
      body: source,
      errors: [
        { line: 1, message: 'no frontmatter: start the file with a line of three dashes (---)' },
      ],
    };
  }
  const yaml = parseYaml(match[1] ?? '', 2);
  const bodyLine = match[0].split('\n').length + (match[0].endsWith('\n') ? 0 : 1);
  return {
    ...yaml,
    errors: yaml.errors.map((e) => ({
      ...e,
      message: `frontmatter is not valid YAML: ${e.message}`,
    })),
    lineOf: (field) => yaml.lines[field] ?? 1,
    bodyLine,
    body: source.slice(match[0].length),
  };
}
