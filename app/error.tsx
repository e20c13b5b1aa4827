'use client';

import { ErrorNotice } from '@/components/layout/error-notice';

export default function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorNotice
      title="Something went wrong on our side"
      advice="This page could not be shown just now. Please try again in a moment."
      error={error}
      retry={retry}
    />
  );
}
