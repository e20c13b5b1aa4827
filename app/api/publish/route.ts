import { answerPublish } from '@/lib/publish/endpoint';
import { claimView } from '@/lib/cluster/sync-claim';
import { getDb } from '@/lib/comments/db';
import { contentNow } from '@/lib/content/listings/queries';
import { publishCommit } from '@/lib/publish/commit-runner';
import { deliveryLog } from '@/lib/publish/deliveries';
import { INTERNAL_TOKEN_KEY } from '@/lib/publish/messages';
import { syncContent } from '@/lib/publish/sync';
import { attemptThrottle, networkKey } from '@/lib/security/attempts';
import { publishSecret } from '@/lib/security/secret-settings';

/**
 * Puts a content version live without a rebuild: from `npm run publish`, a git host's push
 * webhook, or this server's own watcher (lib/publish/endpoint.ts says which does what).
 */
export async function POST(request: Request) {
  // proxy.ts has refused bodies of unstated length or over 64 KB.
  const body = await request.text();
  const shared = globalThis as typeof globalThis & { [key: symbol]: string | undefined };
  return answerPublish(body, request.headers, {
    secret: publishSecret(),
    throttle: attemptThrottle('publish'),
    network: networkKey(request.headers),
    internalToken: shared[INTERNAL_TOKEN_KEY],
    sync: async () => {
      const now = Date.now();
      const { version, validUntil } = contentNow(now);
      return syncContent(now, { revalidate: await claimView(version, validUntil) });
    },
    publishCommit,
    deliveries: deliveryLog(getDb),
    branch: process.env.PUBLISH_BRANCH ?? 'refs/heads/main',
    repository: process.env.PUBLISH_REPOSITORY || undefined,
  });
}
