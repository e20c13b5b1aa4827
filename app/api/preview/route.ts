import { draftMode } from 'next/headers';
import { answerPreview, safeReturnPath } from '@/lib/content/preview';
import { attemptThrottle, describeWait, networkKey } from '@/lib/security/attempts';
import { previewSecret } from '@/lib/security/secret-settings';

/**
 * Lets an editor see drafts and scheduled articles: `GET /api/preview?secret=…&path=/world/slug`,
 * or the same two fields posted from /admin/preview, which keeps the secret out of every URL.
 * Either way the answer sends the browser on with the path alone.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  return openPreview(request, params.get('secret'), params.get('path'));
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
  return openPreview(request, field('secret'), field('path'));
}

async function openPreview(request: Request, secret: string | null, path: string | null) {
  const network = networkKey(request.headers);
  const answer = await answerPreview(secret, network, previewSecret(), attemptThrottle('preview'));
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
