import { draftMode } from 'next/headers';
import { attemptRequester, rememberDevice } from '@/lib/admin/auth';
import { answerPreview, previewFormPath, safeReturnPath } from '@/lib/content/authoring/preview';
import { attemptThrottle, describeWait } from '@/lib/security/attempts';
import { previewSecret } from '@/lib/security/secret-settings';

/**
 * Lets an editor see drafts and scheduled articles: the secret and the path posted from the form
 * at /admin/preview; the answer sends the browser on with the path alone.
 *
 * A GET never opens preview and never reads a secret from its URL: a secret in a query string
 * ends up in proxy access logs and browser history (issue 17). An old bookmark is sent to the
 * form, with only the article's path carried over.
 */
export function GET(request: Request) {
  return new Response('Preview opens from the form at /admin/preview.\n', {
    status: 303,
    headers: {
      Location: previewFormPath(new URL(request.url).searchParams.get('path')),
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}

/** The form is a few hundred bytes; anything much bigger is not it. */
const MAX_FORM_BYTES = 8 * 1024;

export async function POST(request: Request) {
  // Node holds the body to its Content-Length, so checking the header bounds what is read.
  const length = request.headers.get('content-length');
  if (length === null) return text('Send the preview form.\n', 411);
  if (Number(length) > MAX_FORM_BYTES) return text('Send the preview form.\n', 413);
  const form = await request.formData().catch(() => undefined);
  const field = (name: string) => {
    const value = form?.get(name);
    return typeof value === 'string' ? value : null;
  };
  return openPreview(field('secret'), field('path'));
}

async function openPreview(secret: string | null, path: string | null) {
  const who = await attemptRequester('preview');
  const answer = await answerPreview(secret, who, previewSecret(), attemptThrottle('preview'));
  switch (answer.kind) {
    case 'off':
      return text(`Preview is off: ${answer.why}.\n`, 404);
    case 'throttled':
      return text(
        `Too many wrong preview secrets from your network. Try again in ${describeWait(answer.retryAfterS)}.\n`,
        429,
        { 'Retry-After': String(answer.retryAfterS) },
      );
    case 'wrong':
      return text('Wrong preview secret.\n', 401);
    case 'open':
      (await draftMode()).enable();
      await rememberDevice(['preview']);
      // 303: a posted form is followed with a GET, and only the path goes on, never the secret.
      return new Response(null, {
        status: 303,
        headers: {
          Location: safeReturnPath(path),
          'Cache-Control': 'no-store',
          'Referrer-Policy': 'no-referrer',
        },
      });
  }
}

function text(body: string, status: number, headers: Record<string, string> = {}) {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    },
  });
}
