import type { Metadata } from 'next';
import type { PageMeta } from '@/lib/content/schema/types';
import { alternates } from './urls';

/** Title, description and canonical address of a page of the newsroom's own. */
export function pageMetadata(page: PageMeta): Metadata {
  return { title: page.title, description: page.description, alternates: alternates(page.url) };
}
