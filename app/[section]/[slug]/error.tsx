'use client';

import { ErrorNotice } from '@/components/layout/error-notice';

export default function ArticleError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorNotice
      title="This story could not be shown just now"
      advice="The rest of the site is working. Please try again in a moment, or read the latest stories on the front page."
      error={error}
      retry={retry}
    />
  );
}
