// Brings a WordPress site across from its export (Tools → Export → All content):
//   npm run import:wordpress -- <export.xml> [--uploads <dir>] [--dry-run] [--force]
//   --uploads <dir>  a copy of the old site's wp-content/uploads; without it pictures are
//                    fetched from the addresses in the export
//   --dry-run        write nothing; print the report
//   --force          also replace files an editor has changed since the last import
// Writes content/, public/images/wordpress/ and the comment store (DATABASE_URL or COMMENTS_DB),
// then import-report.md. Exit 0 when the import is complete (losses are in the report), 1 when
// nothing was written. `npm run publish` (or a build) then makes it live.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { configFromEnv, createDb, migrate } from '../lib/comments/db';
import { reportMarkdown, reportSummary } from '../lib/import/wordpress/import/report';
import { importWordPress } from '../lib/import/wordpress/import/run';

const USAGE =
  'usage: npm run import:wordpress -- <export.xml> [--uploads <dir>] [--dry-run] [--force]';

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: {
      uploads: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
}
try {
  args = parse();
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(1);
}
const [exportFile, ...extra] = args.positionals;
if (exportFile === undefined || extra.length > 0) {
  console.error(USAGE);
  process.exit(1);
}

const root = process.cwd();
const dryRun = args.values['dry-run'];
let db: ReturnType<typeof createDb> | null = null;
// Opened only once the export has been read: a refused export leaves the store untouched.
const openDb = async () => {
  db = createDb(configFromEnv());
  await migrate(db);
  return db;
};
const report = await importWordPress({
  exportFile: path.resolve(exportFile),
  root,
  db: dryRun ? null : openDb,
  dryRun,
  force: args.values.force,
  pictures: args.values.uploads ? { uploadsDir: path.resolve(args.values.uploads) } : {},
});
await (db as ReturnType<typeof createDb> | null)?.destroy();

const markdown = reportMarkdown(report);
if (dryRun) {
  console.log(markdown);
  console.log(reportSummary(report, null));
} else {
  const file = path.join(root, 'import-report.md');
  writeFileSync(file, markdown);
  console.log(reportSummary(report, path.relative(root, file)));
}
process.exit(report.outcome === 'complete' || report.outcome === 'dry-run' ? 0 : 1);
