import 'server-only';
import { scriptOrigins, type AdsConfig } from './schema';
import { getAdsConfig } from '../content/listings/queries';
import { builtAdOrigins } from './built-origins';
import { effectiveAds } from './placement';

let warned = '';

/** The advertising settings pages render with (lib/ads/placement.ts, `effectiveAds`). */
export function getAds(): AdsConfig | undefined {
  const ads = getAdsConfig();
  return effectiveAds(ads, builtAdOrigins(), scriptOrigins(ads), (message) => {
    if (message === warned) return;
    warned = message;
    console.warn(`masthead: ${message}`);
  });
}
