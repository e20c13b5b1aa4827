import type { Metadata } from 'next';
import { PreviewForm } from '@/components/admin/preview-form';
import { safeReturnPath } from '@/lib/content/authoring/preview';
import { MIN_SECRET_LENGTH, previewSecret } from '@/lib/security/secret-settings';

export const metadata: Metadata = { title: 'Preview', robots: { index: false, follow: false } };

/** Where editors open preview without putting the secret in a URL. */
export default async function PreviewPage({ searchParams }: PageProps<'/admin/preview'>) {
  const { path } = await searchParams;
  const setting = previewSecret();
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      {/* The newsroom's tools carry no advertising (public/ads.css). */}
      <div data-no-ads hidden />
      <h1 className="font-serif text-4xl font-black">Preview a draft</h1>
      {setting.state === 'on' ? (
        <PreviewForm path={typeof path === 'string' && path ? safeReturnPath(path) : ''} />
      ) : (
        <p role="status">
          Preview is off.{' '}
          {setting.state === 'too-short' ? (
            <>
              <code>PREVIEW_SECRET</code> is shorter than {MIN_SECRET_LENGTH} characters: set a
              longer one and restart the server.
            </>
          ) : (
            <>
              Set the <code>PREVIEW_SECRET</code> environment variable and restart the server to
              turn it on.
            </>
          )}
        </p>
      )}
    </div>
  );
}
