'use client';

import dynamic from 'next/dynamic';

/**
 * The live island, in a chunk of its own that only a page rendering it fetches (a running
 * story's first page). Imported plainly, or through `dynamic` in the server component, it went
 * into the article route's bundle, and every article carried it (`npm run check -- weight`).
 */
export const LiveUpdatesLazy = dynamic(() => import('./live-updates').then((m) => m.LiveUpdates));
