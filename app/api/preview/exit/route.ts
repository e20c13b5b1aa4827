import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import { safeReturnPath } from '@/lib/content/authoring/preview';

export async function GET(request: Request) {
  (await draftMode()).disable();
  redirect(safeReturnPath(new URL(request.url).searchParams.get('path')));
}
