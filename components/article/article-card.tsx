import { ServerImage } from '@/components/media/server-image';
import Link from 'next/link';
import { LiveMark } from '@/components/live/live-mark';
import { isRunning } from '@/lib/content/live/live-blog';
import { formatDate } from '@/lib/content/schema/dates';
import type { ArticleMeta } from '@/lib/content/schema/types';

type ArticleCardProps = {
  article: ArticleMeta;
  variant?: 'lead' | 'standard' | 'compact';
  sectionName?: string;
  headingLevel?: 'h2' | 'h3';
  /**
   * Fetch the picture first, not when scrolled to: the lead, or the first card of a listing,
   * whose picture is what a phone shows first (the LCP). `preload` would fetch it at low
   * priority, and the <img> is early in the HTML anyway.
   */
  eager?: boolean;
};

const LAYOUT: Record<
  NonNullable<ArticleCardProps['variant']>,
  { card: string; headline: string }
> = {
  lead: {
    card: 'lg:grid lg:grid-cols-3 lg:items-center lg:gap-8',
    headline: 'text-3xl sm:text-4xl',
  },
  standard: { card: '', headline: 'text-xl' },
  compact: { card: '', headline: 'text-base' },
};

export function ArticleCard({
  article,
  variant = 'standard',
  sectionName,
  headingLevel: Heading = 'h3',
  eager = false,
}: ArticleCardProps) {
  const image = variant === 'compact' ? undefined : article.image;
  const layout = LAYOUT[variant];
  return (
    <div className={`group relative flex flex-col gap-3 ${layout.card}`}>
      {image ? (
        <div
          className={`relative aspect-video overflow-hidden bg-neutral-200 dark:bg-neutral-800 ${variant === 'lead' ? 'lg:col-span-2' : ''}`}
        >
          <ServerImage
            src={image.src}
            alt=""
            fill
            loading={eager ? 'eager' : undefined}
            fetchPriority={eager ? 'high' : undefined}
            sizes={
              variant === 'lead'
                ? '(min-width: 1024px) 66vw, 100vw'
                : '(min-width: 768px) 33vw, 100vw'
            }
            className="object-cover"
          />
        </div>
      ) : null}
      <div className="flex flex-col gap-2">
        {isRunning(article) ? (
          <p className="flex items-center gap-2 text-xs font-bold tracking-wide uppercase">
            <LiveMark />
            {sectionName ? <span className="text-accent">{sectionName}</span> : null}
          </p>
        ) : sectionName ? (
          <p className="text-accent text-xs font-bold tracking-wide uppercase">{sectionName}</p>
        ) : null}
        <Heading className={`font-serif leading-snug font-bold text-balance ${layout.headline}`}>
          {/* The whole card is clickable through this link's stretched ::after. */}
          <Link
            prefetch={false}
            href={article.url}
            className="after:absolute after:inset-0 group-hover:underline"
          >
            {article.title}
          </Link>
        </Heading>
        {variant !== 'compact' ? (
          <p className="text-neutral-700 dark:text-neutral-300">{article.dek}</p>
        ) : null}
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          <time dateTime={article.date}>{formatDate(article.date)}</time>
        </p>
      </div>
    </div>
  );
}
