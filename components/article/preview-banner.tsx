type PreviewBannerProps = { path: string; published: boolean };

/** Shown to editors in preview, so nobody mistakes a draft for the live page. */
export function PreviewBanner({ path, published }: PreviewBannerProps) {
  return (
    <div
      role="status"
      className="bg-amber-300 px-4 py-2 text-center text-sm font-semibold text-black"
    >
      {published ? 'Preview mode' : 'Preview — not published'}
      {' · '}
      {/* A plain link: the exit route must run on the server to clear the preview cookie. */}
      <a href={`/api/preview/exit?path=${encodeURIComponent(path)}`} className="underline">
        Exit preview
      </a>
    </div>
  );
}
