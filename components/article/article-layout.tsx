import type { ReactNode } from 'react';
import { AdBlockNotice } from '@/components/ads/ad-block-notice';
import { InArticleSlots } from '@/components/ads/in-article-slots';
import { CommentCount } from '@/components/comments/comment-count';
import { LiveCoverage } from '@/components/live/live-coverage';
import { LiveMark } from '@/components/live/live-mark';
import { MdxBody } from '@/components/mdx/mdx-body';
import type { AdsConfig } from '@/lib/ads/schema';
import type { ArticleMeta, AuthorMeta, Crumb } from '@/lib/content/schema/types';
import { dateModified } from '@/lib/content/listings/modified';
import type { LiveView } from '@/lib/content/live/arrange';
import type { LivePoll } from '@/lib/content/live/feed';
import { isRunning } from '@/lib/content/live/live-blog';
import { ArticleDates } from './article-dates';
import { Breadcrumbs } from './breadcrumbs';
import { Byline } from './byline';
import { CorrectionsBox } from './corrections-box';
import { HeroImage } from './hero-image';
import { TableOfContents } from './table-of-contents';
import { TagList } from './tag-list';

type ArticleLayoutProps = {
  article: ArticleMeta;
  authors: AuthorMeta[];
  body: string;
  crumbs: Crumb[];
  /** Absent for an article that takes no comments (a draft in preview). */
  commentCount?: number;
  /** What follows the article: the discussion. */
  children?: ReactNode;
  /** The advertising settings (lib/ads/settings.ts); none for a story marked `ads: false`. */
  ads?: AdsConfig;
  /** A live story's page of entries (lib/content/live/arrange.ts); the body is laid out as one. */
  live?: LiveView;
  /** What a running live story's first page polls for new entries (decision 032). */
  livePoll?: LivePoll;
};

/** Below three sections a contents box is more clutter than help. */
const TOC_MIN_HEADINGS = 3;

export function ArticleLayout({
  article,
  authors,
  body,
  crumbs,
  commentCount,
  children,
  ads: siteAds,
  live,
  livePoll,
}: ArticleLayoutProps) {
  const modified = dateModified(article);
  const ads = article.ads === false ? undefined : siteAds;
  // Entries move between pages as they come: no slot between them, and no contents box whose
  // links would lead to a summary only the first page shows.
  const inArticle = live ? undefined : ads?.slots.article;
  return (
    <div className="mx-auto max-w-3xl space-y-12 px-4 py-6 sm:py-10">
      <article>
        {/* Hides the slot above the footer too (public/ads.css). */}
        {article.ads === false ? <div data-no-ads hidden /> : null}
        <header className="space-y-4">
          <Breadcrumbs trail={crumbs} />
          {isRunning(article) ? (
            <p>
              <LiveMark />
            </p>
          ) : null}
          <h1 className="font-serif text-3xl leading-tight font-bold text-balance sm:text-5xl">
            {article.title}
            {live && live.page.page > 1 ? (
              <span className="sr-only">, updates page {live.page.page}</span>
            ) : null}
          </h1>
          <p className="dek text-lg text-neutral-700 sm:text-xl dark:text-neutral-300">
            {article.dek}
          </p>
          <div className="space-y-1 border-y border-neutral-200 py-3 dark:border-neutral-800">
            <Byline authors={authors} />
            <ArticleDates
              published={article.date}
              updated={modified === article.date ? undefined : modified}
              {...(live ? { precise: true } : { readingMinutes: article.readingMinutes })}
            />
            {commentCount === undefined ? null : (
              <p className="text-sm">
                <CommentCount count={commentCount} />
              </p>
            )}
          </div>
        </header>
        {ads?.provider === 'script' ? <AdBlockNotice /> : null}
        {article.image ? (
          <div className="mt-6">
            <HeroImage image={article.image} eager />
          </div>
        ) : null}
        {!live && article.toc.length >= TOC_MIN_HEADINGS ? (
          <div className="mt-8">
            <TableOfContents entries={article.toc} />
          </div>
        ) : null}
        <div
          id="article-body"
          tabIndex={-1}
          className="article-body prose prose-neutral dark:prose-invert sm:prose-lg mt-8 max-w-none focus:outline-none"
        >
          {live ? (
            <LiveCoverage url={article.url} code={body} view={live} poll={livePoll} />
          ) : (
            <MdxBody
              code={body}
              arrange={
                ads && inArticle
                  ? (blocks) => (
                      <InArticleSlots
                        blocks={blocks}
                        ads={ads}
                        rule={inArticle}
                        page={article.url}
                      />
                    )
                  : undefined
              }
            />
          )}
        </div>
        {article.corrections.length > 0 ? (
          <div className="mt-10">
            <CorrectionsBox corrections={article.corrections} />
          </div>
        ) : null}
        {article.tags.length > 0 ? (
          <footer className="mt-10 border-t border-neutral-200 pt-6 dark:border-neutral-800">
            <TagList tags={article.tags} />
          </footer>
        ) : null}
      </article>
      {children}
    </div>
  );
}
