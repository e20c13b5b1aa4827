import type { z } from 'zod';
import { FIX } from '../schema/say';
import { didYouMean } from '../schema/suggest';

export type Severity = 'error' | 'warning';

/** One thing an editor must fix (or should look at), where it is and what to write instead. */
export type Finding = {
  file: string;
  line: number;
  field: string;
  problem: string;
  fix: string;
  severity: Severity;
};

/** What the frontmatter parser knows of where each top-level field was written. */
export type FieldLines = Record<string, number>;

/** The line a field's finding points at: where it is written, or the top of the frontmatter. */
export function lineOfField(lines: FieldLines, field: string): number {
  return lines[field] ?? 2;
}

/** `image.alt`, `corrections`: the path an editor recognises, up to the first list index. */
function fieldName(path: PropertyKey[]): string {
  const names: string[] = [];
  for (const key of path) {
    if (typeof key !== 'string') break;
    names.push(key);
  }
  return names.join('.') || 'frontmatter';
}

export function splitMessage(message: string): { problem: string; fix: string } {
  const at = message.indexOf(FIX);
  return at < 0
    ? { problem: message, fix: 'see docs/editors.md for what each field takes' }
    : { problem: message.slice(0, at), fix: message.slice(at + FIX.length) };
}

/**
 * The schema's complaints as findings with file, line and field. A field the schema does not
 * know gets a "did you mean" from the fields it does; the same complaint twice (two broken
 * corrections) is said once.
 */
export function schemaFindings(
  file: string,
  error: z.ZodError,
  lines: FieldLines,
  knownFields: string[],
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (finding: Finding) => {
    const key = `${finding.line}\u0000${finding.field}\u0000${finding.problem}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const parent = fieldName(issue.path);
      for (const key of issue.keys) {
        const top = issue.path.length === 0;
        add({
          file,
          line: lineOfField(lines, top ? key : String(issue.path[0])),
          field: top ? key : `${parent}.${key}`,
          problem: 'is not a field Masthead knows',
          fix: `remove it${top ? didYouMean(key, knownFields).replace(/^; /, ', or ') : ''}`,
          severity: 'error',
        });
      }
      continue;
    }
    const top = issue.path[0];
    add({
      file,
      line: typeof top === 'string' ? lineOfField(lines, top) : 2,
      field: fieldName(issue.path),
      ...splitMessage(issue.message),
      severity: 'error',
    });
  }
  return findings;
}

/** Files in path order, each file's findings by line, in the order they were found. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((finding, order) => ({ finding, order }))
    .sort(
      (a, b) =>
        (a.finding.file < b.finding.file ? -1 : a.finding.file > b.finding.file ? 1 : 0) ||
        a.finding.line - b.finding.line ||
        a.order - b.order,
    )
    .map(({ finding }) => finding);
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}  ${f.field}  ${f.problem} — ${f.fix}`;
}
