'use client';

import { usePathname } from 'next/navigation';
import { ErrorNotice } from '@/components/layout/error-notice';
import { errorCopy } from '@/lib/routing/error-copy';

/**
 * The boundary around every page: the header, the footer and the navigation keep working, and
 * the reader is told what failed in the words of the page they were on.
 */
export default function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  const { title, advice } = errorCopy(usePathname());
  return <ErrorNotice title={title} advice={advice} error={error} retry={retry} />;
}
