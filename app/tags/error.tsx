'use client';

import { ErrorNotice } from '@/components/layout/error-notice';

export default function TopicError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorNotice
      title="This topic could not be shown just now"
      advice="Please try again in a moment, or go to the front page."
      error={error}
      retry={retry}
    />
  );
}
