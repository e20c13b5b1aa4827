'use client';

import { ErrorNotice } from '@/components/layout/error-notice';

export default function SectionError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorNotice
      title="This list of stories could not be shown just now"
      advice="Please try again in a moment, or go to the front page."
      error={error}
      retry={retry}
    />
  );
}
