import { revalidatePath } from 'next/cache';
import { answerRevalidate } from '@/lib/comments/revalidate-request';
import { commentsSecret } from '@/lib/comments/secret';
import { getArticleBySlug } from '@/lib/content/listings/queries';
import { attemptThrottle, networkKey } from '@/lib/security/attempts';

/** Refreshes articles whose comments `npm run comments` changed (lib/comments/revalidate-request.ts). */
export async function POST(request: Request) {
  // proxy.ts has refused bodies of unstated length or over 64 KB.
  const body = await request.text();
  return answerRevalidate(body, request.headers, {
    secret: commentsSecret(),
    throttle: attemptThrottle('revalidate'),
    network: networkKey(request.headers),
    urlOf: (slug) => getArticleBySlug(slug)?.url,
    revalidate: (path) => revalidatePath(path),
  });
}
