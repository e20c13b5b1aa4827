import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeReturnPath, secretMatches } from '@/lib/content/preview';

/** /api/preview?secret=…&path=/world/slug — lets an editor see drafts and scheduled articles. */
export async function GET(request: Request) {
  const expected = process.env.PREVIEW_SECRET;
  const url = new URL(request.url);
  if (!expected) {
    return new Response('Preview is off: set PREVIEW_SECRET on the server to turn it on.\n', {
      status: 404,
    });
  }
  if (!secretMatches(url.searchParams.get('secret') ?? '', expected)) {
    return new Response('Wrong preview secret.\n', { status: 401 });
  }
  (await draftMode()).enable();
  redirect(safeReturnPath(url.searchParams.get('path')));
}
