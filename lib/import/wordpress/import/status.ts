import type { WxrItem } from '../schema';

/** What becomes of a post or page, from its WordPress status and password. */
export type Disposition =
  | { kind: 'live' }
  /** `future`: published at its date, which the site treats as a schedule. */
  | { kind: 'scheduled' }
  /** Imported with `draft: true`; `lost` says what the report should tell the editor. */
  | { kind: 'draft'; lost: string | null }
  /** Not imported at all; `counted` names the tally it goes into. */
  | { kind: 'skipped'; counted: string };

/**
 * publish → live; future → scheduled; draft, pending and private → draft; a password → draft,
 * reported (Masthead has no passwords: making it public would publish what the newsroom kept
 * behind one); trash and auto-draft → not imported. A status WordPress does not write (a
 * plugin's own) is kept as a draft and reported, never published unasked.
 */
export function dispositionOf(item: Pick<WxrItem, 'status' | 'postPassword'>): Disposition {
  const { status } = item;
  if (status === 'trash') return { kind: 'skipped', counted: 'in the trash' };
  if (status === 'auto-draft') return { kind: 'skipped', counted: 'automatic drafts' };
  if (item.postPassword.trim() !== '' && status !== 'draft' && status !== 'pending') {
    return {
      kind: 'draft',
      lost: 'it was password-protected: imported as a draft, for an editor to publish or keep',
    };
  }
  switch (status) {
    case 'publish':
      return { kind: 'live' };
    case 'future':
      return { kind: 'scheduled' };
    case 'draft':
    case 'pending':
      return { kind: 'draft', lost: null };
    case 'private':
      return {
        kind: 'draft',
        lost: 'it was private (seen only by the site’s editors): imported as a draft',
      };
    default:
      return {
        kind: 'draft',
        lost: `its status "${status.slice(0, 40)}" is not one WordPress publishes: imported as a draft`,
      };
  }
}

/** `2019-05-03 10:20:00` (a GMT date) → `2019-05-03T10:20:00Z`. */
const gmt = (date: string) => `${date.replace(' ', 'T')}Z`;

/** Dates the article gets, and a note when the export's own date could not be used. */
export type ArticleDates = { date: string; updated?: string; lost: string | null };

/**
 * The publication date from post_date_gmt; a draft WordPress never dated in GMT
 * (0000-00-00) takes its local post_date, which is what the editor saw; then the RSS
 * pubDate; then the import's own time, reported. `updated` is post_modified_gmt when it is
 * later than the publication date (WordPress touches it on every save, even before
 * publishing, so an earlier one says nothing).
 */
export function datesOf(
  item: Pick<WxrItem, 'postDateGmt' | 'postDate' | 'pubDate' | 'postModifiedGmt' | 'status'>,
  now: Date,
): ArticleDates {
  let date: string;
  let lost: string | null = null;
  if (item.postDateGmt) date = gmt(item.postDateGmt);
  else if (item.postDate) {
    date = item.postDate.replace(' ', 'T');
    if (item.status === 'publish' || item.status === 'future') {
      lost = 'the export gives no GMT date: its local time is taken as it is';
    }
  } else {
    const parsed = Date.parse(item.pubDate);
    if (item.pubDate !== '' && Number.isFinite(parsed)) date = new Date(parsed).toISOString();
    else {
      date = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
      lost = 'the export gives it no date: dated at the import';
    }
  }
  if (!Number.isFinite(Date.parse(date))) {
    date = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    lost = 'its date is not a real date: dated at the import';
  }
  const modified = item.postModifiedGmt ? gmt(item.postModifiedGmt) : null;
  const later = modified !== null && Date.parse(modified) > Date.parse(date);
  return later ? { date, updated: modified, lost } : { date, lost };
}
