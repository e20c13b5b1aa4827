import type { AdsConfig } from '@/lib/ads/schema';
import { AdSlot } from './ad-slot';

type FooterSlotProps = { ads: AdsConfig };

/**
 * The slot above the footer, on every page that has one configured. The layout cannot know
 * the page, so its promotion is the first; a story marked `ads: false` hides it (ads.css).
 */
export function FooterSlot({ ads }: FooterSlotProps) {
  const slot = ads.slots.footer;
  if (!slot) return null;
  return (
    <div className="px-4">
      <AdSlot
        placement="footer"
        id="footer"
        sizes={slot.size}
        provider={ads.provider}
        promotion={ads.promotions[0]}
        landmark
      />
    </div>
  );
}
