import type { Metadata } from 'next';
import type { PageMeta } from '@/lib/content/schema/types';
import { alternates } from './urls';

/**
 * Title, description and canonical address of a page of the newsroom's own, and the same for
 * link previews. A page two folders deep gets its card from app/[section]/[slug]/opengraph-image;
 * giving `openGraph` here keeps a deeper page (/about/team/editors) from showing its parent's.
 */
export function pageMetadata(page: PageMeta): Metadata {
  return {
    title: page.title,
    description: page.description,
    alternates: alternates(page.url),
    openGraph: { type: 'website', title: page.title, description: page.description, url: page.url },
  };
}
