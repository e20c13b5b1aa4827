import path from 'node:path';
import { formatFinding } from '@/lib/content/build/findings';
import { buildContent } from '@/lib/content/build/pipeline';

/**
 * The content check (`npm run check:content`) on a scratch site: its errors, one line each as
 * the check prints them, and how many articles it read.
 */
export async function contentCheck(root: string): Promise<{ errors: string[]; articles: number }> {
  const result = await buildContent({
    root,
    contentDir: path.join(root, 'content'),
    publicDir: path.join(root, 'public'),
    check: true,
  });
  const errors = result.findings.filter((f) => f.severity === 'error').map(formatFinding);
  return { errors, articles: result.counts.articles };
}
