import type { CSSProperties } from 'react';
import type { Promotion, SlotSizes } from '@/lib/ads/schema';
import { HousePromotion } from './house-promotion';

type AdSlotProps = {
  /** Which placement of content/ads.yaml this is. */
  placement: 'article' | 'listing' | 'footer';
  /** Unique on its page: what the ad provider is told, so it can tell slots apart. */
  id: string;
  sizes: SlotSizes;
  provider: 'house' | 'script';
  promotion?: Promotion;
  /**
   * A complementary landmark of its own, for the slot outside every other landmark (above the
   * footer); elsewhere a named group inside the page's main content.
   */
  landmark?: boolean;
};

const size = ({ width, height }: { width: number; height: number }) => `${width}x${height}`;

/**
 * A place for one advertisement, its size for phones and for wider screens reserved before
 * anything loads (public/ads.css), so nothing on the page moves when a creative arrives late.
 * It says "Advertisement" to everyone: sighted readers see the label, screen readers hear the
 * group's name. A house promotion is in the page itself; a script provider's box stays empty
 * until lib/ads/runtime.ts hands it to the provider, near the viewport and after consent.
 */
export function AdSlot({
  placement,
  id,
  sizes,
  provider,
  promotion,
  landmark = false,
}: AdSlotProps) {
  const style = {
    '--ad-w-phone': `${sizes.phone.width}px`,
    '--ad-h-phone': `${sizes.phone.height}px`,
    '--ad-w-desktop': `${sizes.desktop.width}px`,
    '--ad-h-desktop': `${sizes.desktop.height}px`,
  } as CSSProperties;
  const Element = landmark ? 'aside' : 'div';
  return (
    <Element
      role={landmark ? undefined : 'group'}
      aria-label="Advertisement"
      className="ad-slot not-prose"
      data-placement={placement}
      data-provider={provider}
      style={style}
    >
      <p className="ad-slot-label" aria-hidden="true">
        Advertisement
      </p>
      <div
        className="ad-slot-box"
        data-ad-slot={id}
        data-ad-phone={size(sizes.phone)}
        data-ad-desktop={size(sizes.desktop)}
      >
        {provider === 'house' && promotion ? <HousePromotion promotion={promotion} /> : null}
      </div>
    </Element>
  );
}
