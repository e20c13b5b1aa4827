import { configurationProblems } from '@/lib/security/secret-settings';

/**
 * Runs once as the server starts: settings that leave part of the site off say so here, not only
 * on the page an editor may never open.
 */
export function register() {
  for (const problem of configurationProblems()) console.warn(`Masthead: ${problem}`);
}
