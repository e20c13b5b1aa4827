// npm run check:content — every problem in content/, all in one run, then exit 1 if any error.
import path from 'node:path';
import { checkContent, formatFinding } from '../lib/content/check/check-content';

const root = process.cwd();
const findings = await checkContent(path.join(root, 'content'), path.join(root, 'public'));
const errors = findings.filter((f) => f.severity === 'error');
const warnings = findings.filter((f) => f.severity === 'warning');
if (errors.length > 0)
  console.error(`\n${errors.length} problem(s) to fix:\n${errors.map(formatFinding).join('\n')}`);
if (warnings.length > 0)
  console.warn(`\n${warnings.length} warning(s):\n${warnings.map(formatFinding).join('\n')}`);
console.log(
  errors.length === 0
    ? `content check: no problems${warnings.length ? `, ${warnings.length} warning(s)` : ''}`
    : '',
);
process.exit(errors.length > 0 ? 1 : 0);
