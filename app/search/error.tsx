'use client';

import { ErrorNotice } from '@/components/layout/error-notice';

export default function SearchError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorNotice
      title="Search is not working just now"
      advice="Please try again in a moment, or browse the sections above."
      error={error}
      retry={retry}
    />
  );
}
