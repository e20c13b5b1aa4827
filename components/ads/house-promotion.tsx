import Link from 'next/link';
import type { Promotion } from '@/lib/ads/schema';

type HousePromotionProps = { promotion: Promotion };

/**
 * The newsroom's own promotion (newsletter, subscription, event) from content/ads.yaml: no
 * third party, no script. It fills its slot's reserved box; the picture loads when the slot
 * nears the viewport (`loading="lazy"`), into space already there.
 */
export function HousePromotion({ promotion }: HousePromotionProps) {
  const external = /^https:/.test(promotion.href);
  const body = (
    <>
      {promotion.image ? (
        <span className="promo-picture">
          {/* A plain picture: next/image is a client component, and the slot above the footer
              is in the layout, so it would add its code to every page of every site. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={promotion.image.src}
            alt={promotion.image.alt}
            loading="lazy"
            decoding="async"
          />
        </span>
      ) : null}
      <span className="promo-words">
        <span className="promo-title">{promotion.title}</span>
        <span className="promo-text">{promotion.text}</span>
      </span>
      <span className="promo-action">{promotion.action}</span>
    </>
  );
  return external ? (
    <a href={promotion.href} className="promo">
      {body}
    </a>
  ) : (
    <Link href={promotion.href} prefetch={false} className="promo">
      {body}
    </Link>
  );
}
