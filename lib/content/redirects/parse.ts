import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Finding } from '../build/findings';

/** One `- from: … to: …` of a redirects file, with the lines an editor is pointed at. */
export type RedirectEntry = {
  file: string;
  from: string;
  to: string;
  fromLine: number;
  toLine: number;
};

/** Far more than the addresses of the largest WordPress site; a file past it is split. */
export const MAX_REDIRECTS_PER_FILE = 200_000;

const EXAMPLE = 'write each as - from: /old/address/ and, on the next line, to: /new/address';

/**
 * A file of content/redirects/, as data only (the `yaml` package's core schema: no tags that
 * run code):
 *
 *   redirects:
 *     - from: /2019/05/hello-world/
 *       to: /world/hello-world
 *
 * Returns the entries whose `from` and `to` are text, and a finding, with its line, for
 * everything else. What the addresses say is checked by check.ts.
 */
export function parseRedirects(
  file: string,
  text: string,
  { max = MAX_REDIRECTS_PER_FILE } = {},
): { entries: RedirectEntry[]; findings: Finding[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined, fallback = 1) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : fallback;
  const findings: Finding[] = [];
  const refuse = (line: number, field: string, problem: string, fix: string) =>
    findings.push({ file, line, field, problem, fix, severity: 'error' });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line ?? 1;
      refuse(line, 'yaml', `is not valid YAML: ${error.message.split('\n')[0]}`, 'fix the line');
    }
    return { entries: [], findings };
  }
  const entries: RedirectEntry[] = [];
  const root = doc.contents;
  if (root === null) return { entries, findings };
  if (!isMap(root)) {
    refuse(lineOf(root), 'redirects', 'the file must start with redirects:', EXAMPLE);
    return { entries, findings };
  }
  let list: Node | null | undefined;
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'redirects') list = pair.value as Node | null;
    else {
      refuse(
        lineOf(pair.key as Node),
        key || 'redirects',
        'is not a field Masthead knows',
        'a redirects file has one list, redirects:',
      );
    }
  }
  // `redirects:` with nothing after it is an empty list, as `redirects: []` is.
  if (list === undefined || list === null || (isScalar(list) && list.value === null)) {
    return { entries, findings };
  }
  if (!isSeq(list)) {
    refuse(lineOf(list), 'redirects', 'must be a list', EXAMPLE);
    return { entries, findings };
  }
  if (list.items.length > max) {
    refuse(
      lineOf(list),
      'redirects',
      `has ${list.items.length.toLocaleString('en')} redirects`,
      `split them into files of at most ${max.toLocaleString('en')}`,
    );
    return { entries, findings };
  }
  for (const item of list.items) {
    const line = lineOf(item as Node);
    if (!isMap(item)) {
      refuse(line, 'redirects', 'each redirect needs a from: and a to:', EXAMPLE);
      continue;
    }
    const fields = new Map<string, { value: unknown; line: number }>();
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as Node | null;
      if (key !== 'from' && key !== 'to') {
        refuse(
          lineOf(pair.key as Node, line),
          key || 'redirects',
          'is not a field Masthead knows',
          'a redirect has from: and to:',
        );
        continue;
      }
      fields.set(key, {
        value: isScalar(value) ? value.value : value,
        line: lineOf(value ?? (pair.key as Node), line),
      });
    }
    const from = fields.get('from');
    const to = fields.get('to');
    let ok = true;
    for (const [name, field] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (typeof field?.value === 'string') continue;
      ok = false;
      refuse(
        field?.line ?? line,
        name,
        field ? 'must be a path, as text' : 'missing',
        field ? `write ${name}: "/…" in quotes` : EXAMPLE,
      );
    }
    if (ok && from && to) {
      entries.push({
        file,
        from: from.value as string,
        to: to.value as string,
        fromLine: from.line,
        toLine: to.line,
      });
    }
  }
  return { entries, findings };
}
