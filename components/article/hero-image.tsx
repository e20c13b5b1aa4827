import { ServerImage } from '@/components/media/server-image';
import type { HeroImage as HeroImageData } from '@/lib/content/schema/types';

type HeroImageProps = {
  image: HeroImageData;
  /** The picture at the top of a page, likely its LCP: fetch it first, not when scrolled to. */
  eager?: boolean;
};

/** Pictures are cropped to 16:9 so the space is reserved before they load (no layout shift). */
export function HeroImage({ image, eager = false }: HeroImageProps) {
  return (
    <figure>
      <div className="relative aspect-video overflow-hidden bg-neutral-200 dark:bg-neutral-800">
        <ServerImage
          src={image.src}
          alt={image.alt}
          fill
          loading={eager ? 'eager' : undefined}
          fetchPriority={eager ? 'high' : undefined}
          sizes="(min-width: 1024px) 768px, 100vw"
          className="object-cover"
        />
      </div>
      {image.caption || image.credit ? (
        <figcaption className="mt-2 text-sm text-neutral-600 dark:text-neutral-400">
          {image.caption}
          {image.credit ? (
            <span className="ml-1 text-xs tracking-wide uppercase">{image.credit}</span>
          ) : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
