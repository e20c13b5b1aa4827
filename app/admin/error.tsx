'use client';

import { ErrorNotice } from '@/components/layout/error-notice';

export default function AdminError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <ErrorNotice
      title="The moderation page could not load"
      advice="The comment database may be unavailable. Comments readers post meanwhile are refused with a message and nothing is lost; try again in a moment."
      error={error}
      retry={retry}
    />
  );
}
