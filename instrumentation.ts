import { configurationProblems, startupRefusals } from '@/lib/security/secret-settings';

/**
 * Runs once as the server starts: settings that leave part of the site off say so here, not only
 * on the page an editor may never open; a production server with REDIS_URL checks that it
 * agrees with the other instances (lib/cluster/join.ts); and it starts watching for content
 * versions and scheduled articles (lib/publish/watch.ts).
 */
export async function register() {
  for (const problem of configurationProblems()) console.warn(`Masthead: ${problem}`);
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // `next build` loads this too, in the workers that prerender; they serve nobody.
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // A setting that decides who may reach the admin area is never guessed (ADMIN_ORIGIN).
  const refusals = startupRefusals();
  if (refusals.length > 0) {
    for (const refusal of refusals) console.error(`Masthead: ${refusal}`);
    console.error('Masthead: the server stops rather than start with a setting it cannot read.');
    process.exit(1);
  }
  if (process.env.NODE_ENV !== 'production') return;
  if (process.env.REDIS_URL) {
    const { joinCluster } = await import('@/lib/cluster/join');
    await joinCluster();
  }
  const { watchContent } = await import('@/lib/publish/watch');
  // `next start` records the address it listens on; the watcher talks to itself over it.
  const origin =
    process.env.__NEXT_PRIVATE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  watchContent(origin.replace('//localhost:', '//127.0.0.1:'));
}
