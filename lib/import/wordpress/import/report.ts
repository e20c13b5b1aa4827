/** Something that did not come across whole, as an editor reads it in the report. */
export type Loss = {
  /** post, page, attachment, comment, author, record… */
  what: string;
  /** The WordPress id (or the line of a record the reader refused). */
  wpId: string;
  title: string;
  lost: string;
};

export type FileNote = { file: string; why: string };

export type Outcome = 'complete' | 'dry-run' | 'refused' | 'failed';

export type ImportReport = {
  outcome: Outcome;
  /** Why nothing was written, when the outcome is refused or failed. */
  error: string | null;
  export: string;
  site: string;
  seconds: number;
  /** Seconds each step took: read, plan, pictures, convert, move, comments. */
  steps: Map<string, number>;
  counts: Map<string, number>;
  losses: Loss[];
  /** Files the import would have changed and did not (an editor's changes), and why. */
  kept: FileNote[];
  /** Files written (new or updated), by folder, for the summary. */
  written: string[];
};

export function emptyReport(exportFile: string): ImportReport {
  return {
    outcome: 'complete',
    error: null,
    export: exportFile,
    site: '',
    seconds: 0,
    steps: new Map(),
    counts: new Map(),
    losses: [],
    kept: [],
    written: [],
  };
}

export function count(report: ImportReport, what: string, by = 1): void {
  report.counts.set(what, (report.counts.get(what) ?? 0) + by);
}

/** Markdown text of a table cell: one line, its pipes and markup shown as written. */
const cell = (text: string) =>
  text
    .replace(/[\r\n]+/g, ' ')
    .replace(/([\\|*_`[\]<>#])/g, '\\$1')
    .slice(0, 500);

const HEADLINE: Record<Outcome, string> = {
  complete: 'The import is complete.',
  'dry-run': 'Dry run: nothing was written. This is what the import would do.',
  refused: 'The import was refused: nothing was written.',
  failed: 'The import failed and was undone: nothing was written.',
};

const steps = (report: ImportReport) =>
  report.steps.size === 0
    ? ''
    : ` (${[...report.steps].map(([step, s]) => `${step} ${s.toFixed(1)} s`).join(', ')})`;

/** import-report.md: what came across, and every item that lost anything. */
export function reportMarkdown(report: ImportReport): string {
  const lines = [
    '# WordPress import report',
    '',
    HEADLINE[report.outcome],
    ...(report.error ? ['', `**Why:** ${cell(report.error)}`] : []),
    '',
    `- Export: \`${cell(report.export)}\``,
    ...(report.site ? [`- Site: ${cell(report.site)}`] : []),
    `- Time: ${report.seconds.toFixed(1)} s${steps(report)}`,
    '',
    '## Counts',
    '',
    '| What | Count |',
    '| --- | ---: |',
    ...[...report.counts].map(([what, n]) => `| ${cell(what)} | ${n} |`),
    '',
  ];
  if (report.kept.length > 0) {
    lines.push(
      '## Files left as they are',
      '',
      'Changed or made by an editor since the last import; `--force` replaces them.',
      '',
      '| File | Why |',
      '| --- | --- |',
      ...report.kept.map(({ file, why }) => `| ${cell(file)} | ${cell(why)} |`),
      '',
    );
  }
  lines.push('## What was lost', '');
  if (report.losses.length === 0) lines.push('Nothing.', '');
  else {
    lines.push(
      '| Item | WordPress id | Title | What was lost |',
      '| --- | ---: | --- | --- |',
      ...report.losses.map(
        (loss) =>
          `| ${cell(loss.what)} | ${cell(loss.wpId)} | ${cell(loss.title)} | ${cell(loss.lost)} |`,
      ),
      '',
    );
  }
  return lines.join('\n');
}

/** A few lines for the terminal: the outcome, the counts, how many items lost something. */
export function reportSummary(report: ImportReport, reportFile: string | null): string {
  const counts = [...report.counts].map(([what, n]) => `  ${what}: ${n}`);
  const items = new Set(report.losses.map((loss) => `${loss.what} ${loss.wpId}`)).size;
  return [
    HEADLINE[report.outcome],
    ...(report.error ? [`  ${report.error}`] : []),
    `  time: ${report.seconds.toFixed(1)} s${steps(report)}`,
    ...counts,
    `  items that lost something: ${items}${report.losses.length ? ` (${report.losses.length} losses)` : ''}`,
    ...(report.kept.length ? [`  files left as an editor has them: ${report.kept.length}`] : []),
    ...(reportFile ? [`Report: ${reportFile}`] : []),
  ].join('\n');
}
