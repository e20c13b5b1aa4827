import { isCollection, LineCounter, parseDocument, type Node } from 'yaml';
import { adsSchema, ADS_FIELDS, type AdsConfig } from './schema';
import { didYouMean } from '../content/schema/suggest';
import { splitMessage, type Finding } from '../content/build/findings';
import type { Source } from '../content/build/sources';

/** The fields each level of the file may have, for "did you mean" on a misspelt one. */
const KNOWN: Record<string, string[]> = {
  '': ADS_FIELDS,
  script: ['src', 'origins'],
  slots: ['article', 'listing', 'footer'],
  'slots.article': ['afterParagraphs', 'minParagraphs', 'size'],
  'slots.listing': ['every', 'size'],
  'slots.footer': ['size'],
};

/** `slots.article.size.phone`, `promotions[2].href`: the path as the file is written. */
function fieldOf(path: PropertyKey[]): string {
  return (
    path
      .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`))
      .join('') || 'ads'
  );
}

/**
 * content/ads.yaml against its schema (lib/ads/schema.ts). Unlike frontmatter, the file
 * nests: every finding points at the line of the deepest field of its path that is written.
 */
export function checkAds(
  source: Source,
  publicFileExists: (path: string) => boolean,
): { findings: Finding[]; config?: AdsConfig } {
  const { file } = source;
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.read(), { lineCounter });
  const finding = (line: number, field: string, problem: string, fix: string): Finding => ({
    file,
    line,
    field,
    problem,
    fix,
    severity: 'error',
  });
  if (doc.errors.length > 0) {
    return {
      findings: doc.errors.map((e) =>
        finding(
          e.linePos?.[0]?.line ?? 1,
          'yaml',
          `is not valid YAML: ${e.message.split('\n')[0] ?? e.message}`,
          'fix the line',
        ),
      ),
    };
  }
  const lineOf = (path: PropertyKey[]): number => {
    for (let n = path.length; n > 0; n -= 1) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const data: unknown = doc.toJS();
  const parsed = adsSchema(publicFileExists).safeParse(data ?? {});
  if (parsed.success) return { findings: [], config: parsed.data };
  const findings: Finding[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const known = KNOWN[issue.path.join('.')];
        const parent = doc.getIn(issue.path, true);
        const pair = isCollection(parent)
          ? (parent.items as { key?: Node & { value?: unknown } }[]).find(
              (item) => item.key?.value === key,
            )
          : undefined;
        const at = pair?.key?.range
          ? lineCounter.linePos(pair.key.range[0]).line
          : lineOf(issue.path);
        findings.push(
          finding(
            at,
            fieldOf([...issue.path, key]),
            'is not a field Masthead knows',
            `remove it${known ? didYouMean(key, known).replace(/^; /, ', or ') : ''}; see docs/editors.md, "Advertising"`,
          ),
        );
      }
      continue;
    }
    const { problem, fix } = splitMessage(issue.message);
    findings.push(finding(lineOf(issue.path), fieldOf(issue.path), problem, fix));
  }
  return { findings };
}
