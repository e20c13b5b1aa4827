type PreviewFormProps = { path: string };

/**
 * Posts the preview secret, so that it appears in no URL: not in the address bar, the history,
 * a server log or a Referer. A plain form: it works before, or without, JavaScript.
 */
export function PreviewForm({ path }: PreviewFormProps) {
  return (
    <form method="post" action="/api/preview" className="max-w-md space-y-4">
      <div>
        <label htmlFor="preview-secret" className="block font-semibold">
          Preview secret
        </label>
        <input
          id="preview-secret"
          name="secret"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-neutral-400 bg-white px-3 py-2 dark:border-neutral-600 dark:bg-neutral-900"
        />
      </div>
      <div>
        <label htmlFor="preview-path" className="block font-semibold">
          Article address
        </label>
        <input
          id="preview-path"
          name="path"
          type="text"
          defaultValue={path}
          placeholder="/world/my-draft-story"
          aria-describedby="preview-path-hint"
          className="mt-1 block w-full rounded-md border border-neutral-400 bg-white px-3 py-2 dark:border-neutral-600 dark:bg-neutral-900"
        />
        <p id="preview-path-hint" className="mt-1 text-sm text-neutral-700 dark:text-neutral-300">
          The path on this site, starting with a slash.
        </p>
      </div>
      <button
        type="submit"
        className="rounded-md bg-neutral-900 px-5 py-2.5 font-semibold text-white dark:bg-neutral-100 dark:text-neutral-900"
      >
        Preview
      </button>
    </form>
  );
}
