/**
 * Writes a WordPress export (WXR 1.2) the way Tools → Export writes one, at any size, for the
 * reader's benchmark and tests: authors, nested categories, tags, posts with block-editor and
 * classic bodies (tables without a header row, [caption] and [gallery] shortcodes, pictures),
 * attachments with their metadata, and threaded comments. Deterministic: the same shape gives
 * the same bytes.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export interface ExportShape {
  posts: number;
  commentsPerPost: number;
}

/** WordPress's wxr_cdata(): a `]]>` inside is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

export function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function wxrHeader(title = 'The Daily Bench'): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="WordPress/6.7" created="2026-01-01 00:00" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>${escapeText(title)}</title>
	<link>https://news.example</link>
	<description>Generated for the WXR reader</description>
	<language>en-GB</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://news.example</wp:base_site_url>
	<wp:base_blog_url>https://news.example</wp:base_blog_url>
`;
}

/** A category as the export's channel lists it (`parent` is the parent's nicename, or ''). */
export function categoryXml(c: {
  nicename: string;
  name?: string;
  parent?: string;
  termId?: number;
}) {
  const id = c.termId === undefined ? '' : `<wp:term_id>${c.termId}</wp:term_id>`;
  return `\t<wp:category>${id}<wp:category_nicename>${cdata(c.nicename)}</wp:category_nicename><wp:category_parent>${cdata(c.parent ?? '')}</wp:category_parent><wp:cat_name>${cdata(c.name ?? c.nicename)}</wp:cat_name></wp:category>\n`;
}

export const WXR_FOOTER = '</channel>\n</rss>\n';

export interface GeneratedComment {
  id: number;
  parent: number;
  author: string;
  content: string;
  approved?: string;
  /** 'comment' unless given: 'pingback', 'trackback'. */
  type?: string;
}

export interface GeneratedPost {
  id: number;
  title: string;
  slug: string;
  content: string;
  type?: string;
  status?: string;
  parent?: number;
  creator?: string;
  categories?: { domain: string; nicename: string; name: string }[];
  meta?: { key: string; value: string }[];
  comments?: GeneratedComment[];
  attachmentUrl?: string;
  /** The old permalink; https://news.example/<slug>/ unless given. */
  link?: string;
  /** WordPress's `Y-m-d H:i:s`, in UTC; 2024-03-01 10:00:00 (+01:00) unless given. */
  date?: string;
  excerpt?: string;
  password?: string;
  sticky?: boolean;
}

function commentXml(c: GeneratedComment): string {
  return `		<wp:comment>
			<wp:comment_id>${c.id}</wp:comment_id>
			<wp:comment_author>${cdata(c.author)}</wp:comment_author>
			<wp:comment_author_email>reader${c.id}@example.org</wp:comment_author_email>
			<wp:comment_author_url>https://reader${c.id}.example.org/</wp:comment_author_url>
			<wp:comment_author_IP>192.0.2.${c.id % 250}</wp:comment_author_IP>
			<wp:comment_date>2024-03-01 10:00:00</wp:comment_date>
			<wp:comment_date_gmt>2024-03-01 09:00:00</wp:comment_date_gmt>
			<wp:comment_content>${cdata(c.content)}</wp:comment_content>
			<wp:comment_approved>${cdata(c.approved ?? '1')}</wp:comment_approved>
			<wp:comment_type>${cdata(c.type ?? 'comment')}</wp:comment_type>
			<wp:comment_parent>${c.parent}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>
`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RSS's pubDate for a UTC `Y-m-d H:i:s`, as WordPress writes it. */
function rfc2822(utc: string): string {
  const d = new Date(`${utc.replace(' ', 'T')}Z`);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

export function itemXml(p: GeneratedPost): string {
  const categories = (p.categories ?? [])
    .map(
      (c) =>
        `		<category domain="${c.domain}" nicename="${c.nicename}">${cdata(c.name)}</category>\n`,
    )
    .join('');
  const meta = (p.meta ?? [])
    .map(
      (m) =>
        `		<wp:postmeta>\n			<wp:meta_key>${cdata(m.key)}</wp:meta_key>\n			<wp:meta_value>${cdata(m.value)}</wp:meta_value>\n		</wp:postmeta>\n`,
    )
    .join('');
  const attachment = p.attachmentUrl
    ? `		<wp:attachment_url>${cdata(p.attachmentUrl)}</wp:attachment_url>\n`
    : '';
  const local = p.date ?? '2024-03-01 10:00:00';
  const gmt = p.date ?? '2024-03-01 09:00:00';
  return `	<item>
		<title>${escapeText(p.title)}</title>
		<link>${escapeText(p.link ?? `https://news.example/${p.slug}/`)}</link>
		<pubDate>${rfc2822(gmt)}</pubDate>
		<dc:creator>${cdata(p.creator ?? 'editor')}</dc:creator>
		<guid isPermaLink="false">https://news.example/?p=${p.id}</guid>
		<description></description>
		<content:encoded>${cdata(p.content)}</content:encoded>
		<excerpt:encoded>${cdata(p.excerpt ?? '')}</excerpt:encoded>
		<wp:post_id>${p.id}</wp:post_id>
		<wp:post_date>${cdata(local)}</wp:post_date>
		<wp:post_date_gmt>${cdata(gmt)}</wp:post_date_gmt>
		<wp:post_modified>${cdata(p.date ?? '2024-03-02 10:00:00')}</wp:post_modified>
		<wp:post_modified_gmt>${cdata(p.date ?? '2024-03-02 09:00:00')}</wp:post_modified_gmt>
		<wp:comment_status>${cdata('open')}</wp:comment_status>
		<wp:ping_status>${cdata('open')}</wp:ping_status>
		<wp:post_name>${cdata(p.slug)}</wp:post_name>
		<wp:status>${cdata(p.status ?? 'publish')}</wp:status>
		<wp:post_parent>${p.parent ?? 0}</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>${cdata(p.type ?? 'post')}</wp:post_type>
		<wp:post_password>${cdata(p.password ?? '')}</wp:post_password>
		<wp:is_sticky>${p.sticky ? 1 : 0}</wp:is_sticky>
${attachment}${categories}${meta}${(p.comments ?? []).map(commentXml).join('')}	</item>
`;
}

const SECTIONS = ['news', 'politics', 'business', 'culture', 'sport'];

function body(n: number): string {
  const paragraph = `<!-- wp:paragraph -->\n<p>Paragraph of story ${n}, with <a href="https://news.example/${n - 1}/">a link</a>, <strong>emphasis</strong> and a quotation: “it was a long night”.</p>\n<!-- /wp:paragraph -->\n\n`;
  const table = `<!-- wp:table -->\n<figure class="wp-block-table"><table><tbody><tr><td>Ward</td><td>Turnout</td></tr><tr><td>North</td><td>${n % 90}%</td></tr></tbody></table></figure>\n<!-- /wp:table -->\n\n`;
  const caption = `[caption id="attachment_${n + 1}" align="alignnone" width="800"]<img src="https://news.example/wp-content/uploads/2024/03/picture-${n}.jpg" alt="Picture ${n}" width="800" height="533" class="size-full wp-image-${n + 1}" /> The scene on the day[/caption]\n\n`;
  return paragraph.repeat(4) + table + caption + '[gallery ids="1,2,3"]\n\n' + paragraph.repeat(2);
}

/** The whole export as a sequence of strings, never held at once. */
export function* wxrExport(shape: ExportShape): Generator<string> {
  yield wxrHeader();
  for (let a = 1; a <= 5; a += 1) {
    yield `	<wp:author><wp:author_id>${a}</wp:author_id><wp:author_login>${cdata(`writer${a}`)}</wp:author_login><wp:author_email>${cdata(`writer${a}@news.example`)}</wp:author_email><wp:author_display_name>${cdata(`Writer ${a}`)}</wp:author_display_name><wp:author_first_name>${cdata('Writer')}</wp:author_first_name><wp:author_last_name>${cdata(String(a))}</wp:author_last_name></wp:author>\n`;
  }
  for (const [i, section] of SECTIONS.entries()) {
    yield categoryXml({ termId: i + 1, nicename: section });
    yield categoryXml({
      termId: i + 11,
      nicename: `${section}-local`,
      parent: section,
      name: `Local ${section}`,
    });
  }
  let commentId = 1;
  for (let n = 1; n <= shape.posts; n += 1) {
    const id = n * 2;
    const comments: GeneratedComment[] = [];
    for (let c = 0; c < shape.commentsPerPost; c += 1) {
      // Every third comment answers the one before it: threads two deep and more.
      const parent = c % 3 === 2 ? commentId - 1 : 0;
      comments.push({
        id: commentId,
        parent,
        author: `Reader ${commentId}`,
        content: `Comment ${commentId} on story ${n}: I disagree with the second paragraph, and here is why.`,
      });
      commentId += 1;
    }
    const section = SECTIONS[n % SECTIONS.length] ?? 'news';
    yield itemXml({
      id: id + 1,
      title: `picture-${n}`,
      slug: `picture-${n}`,
      content: '',
      type: 'attachment',
      status: 'inherit',
      parent: id,
      attachmentUrl: `https://news.example/wp-content/uploads/2024/03/picture-${n}.jpg`,
      meta: [
        { key: '_wp_attached_file', value: `2024/03/picture-${n}.jpg` },
        {
          key: '_wp_attachment_metadata',
          value: `a:3:{s:5:"width";i:800;s:6:"height";i:533;s:4:"file";s:${`2024/03/picture-${n}.jpg`.length}:"2024/03/picture-${n}.jpg";}`,
        },
      ],
    });
    yield itemXml({
      id,
      title: `Story ${n}: the council & the bridge`,
      slug: `story-${n}`,
      content: body(n),
      creator: `writer${(n % 5) + 1}`,
      categories: [
        { domain: 'category', nicename: section, name: section },
        { domain: 'post_tag', nicename: `tag-${n % 50}`, name: `Tag ${n % 50}` },
      ],
      meta: [{ key: '_thumbnail_id', value: String(id + 1) }],
      comments,
    });
  }
  yield WXR_FOOTER;
}

/** Writes the export to a file, waiting for the disk so memory stays flat. */
export async function writeWxrExport(path: string, shape: ExportShape): Promise<void> {
  const out = createWriteStream(path);
  for (const part of wxrExport(shape)) {
    if (!out.write(part)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
