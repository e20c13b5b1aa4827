import path from 'node:path';
import type { Finding } from '../build/findings';
import { buildContent } from '../build/pipeline';

export { formatFinding, type Finding } from '../build/findings';

/**
 * Every problem in a content folder, all in one run, each with the file, the line, the field,
 * what is wrong and what to write instead: exactly what the content build reports, because it
 * is the content build, stopped before it writes anything.
 */
export async function checkContent(contentDir: string, publicDir: string): Promise<Finding[]> {
  const root = path.resolve(import.meta.dirname, '..', '..', '..');
  const result = await buildContent({ root, contentDir, publicDir, check: true, full: true });
  return result.findings;
}
