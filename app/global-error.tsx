'use client';

import './globals.css';

/**
 * The last resort, for when the root layout itself fails: it replaces the whole document, so it
 * brings its own <html> and stays plain.
 */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className="mx-auto max-w-3xl space-y-4 px-4 py-12">
          <h1 className="font-serif text-3xl font-bold">Masthead is having trouble</h1>
          <p className="text-lg">
            The site could not be shown just now. Please try again in a moment.
          </p>
          <button type="button" onClick={() => retry()} className="underline">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
