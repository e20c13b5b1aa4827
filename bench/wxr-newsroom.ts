/**
 * A WordPress export shaped like a newsroom's, for bench/import.ts: what bench/wxr-export.ts
 * writes (its pieces are reused) plus what an importer can lose. Posts alternate between the
 * block editor and the classic editor; every post has a featured picture with a caption, a
 * table without a header row, a gallery, an embed and a shortcode WordPress does not define;
 * classic posts also carry a tweet with its script and a YouTube iframe, as editors pasted
 * them. Posts are published, scheduled, drafted, pending, private, password-protected and
 * trashed; comments are threaded three deep, and some are pending, spam, trash or pingbacks.
 * Permalinks are WordPress's "day and name" (/2019/05/02/slug/). Deterministic.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import {
  cdata,
  type GeneratedComment,
  type GeneratedPost,
  itemXml,
  WXR_FOOTER,
  wxrHeader,
} from './wxr-export';

export interface NewsroomShape {
  posts: number;
  commentsPerPost: number;
  pages: number;
}

export const SITE = 'https://news.example';
const SECTIONS = ['news', 'politics', 'business', 'culture', 'sport'];
const AUTHORS = ['Amara Okafor', 'Zoë Ødegård', 'Jun Watanabe', 'María José Peña', 'Sam Lee'];
const TAGS = 300;

/** Statuses by post number, one in a hundred each; the rest are published. */
const STATUS_BY_REMAINDER: Readonly<Record<number, string>> = {
  1: 'draft',
  2: 'pending',
  3: 'private',
  4: 'future',
  6: 'trash',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Seven hours apart from 2014, so 10,000 posts span eight years; future posts are in 2031. */
function dateOf(n: number, future: boolean): string {
  const d = new Date(Date.UTC(future ? 2031 : 2014, 0, 1) + n * 7 * 3600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:00:00`;
}

const folderOf = (date: string) => `${date.slice(0, 4)}/${date.slice(5, 7)}`;
const permalinkOf = (date: string, slug: string) =>
  `${SITE}/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}/${slug}/`;

/** The caption every post's first picture has: bench/import.ts looks for it in the output. */
export const captionOf = (n: number) => `Caption ${n}: the scene on the day`;

/** The picture files every post refers to, relative to wp-content/uploads. */
export function pictureFiles(n: number): string[] {
  const folder = folderOf(dateOf(n, n % 100 === 4));
  return [`${folder}/picture-${n}.jpg`, `${folder}/picture-${n}-b.jpg`];
}

const ids = (n: number) => ({ post: n * 10, first: n * 10 + 1, second: n * 10 + 2 });
const video = (n: number) => `https://www.youtube.com/watch?v=vid${String(n).padStart(8, '0')}`;

function table(n: number, header: boolean): string {
  const head = header ? '<thead><tr><th>Candidate</th><th>Votes</th></tr></thead>' : '';
  const first = header ? '' : '<tr><td>Ward</td><td>Turnout</td></tr>';
  return `<table>${head}<tbody>${first}<tr><td>North</td><td>${n % 90}%</td></tr><tr><td>South</td><td>${(n * 7) % 90}%</td></tr></tbody></table>`;
}

function blockBody(n: number, date: string, older: string): string {
  const { first, second } = ids(n);
  const [a, b] = pictureFiles(n).map((file) => `${SITE}/wp-content/uploads/${file}`);
  const p = (text: string) => `<!-- wp:paragraph -->\n<p>${text}</p>\n<!-- /wp:paragraph -->\n\n`;
  return [
    p(
      `Story ${n} begins: the council met on ${date.slice(0, 10)}, and <strong>nobody</strong> expected <a href="${older}">what followed</a>.`,
    ),
    p(
      'Readers wrote in with {curly braces}, a heart &lt;3, and a line that starts: export default.',
    ),
    `<!-- wp:heading -->\n<h2 class="wp-block-heading">What happened next</h2>\n<!-- /wp:heading -->\n\n`,
    `<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>First point<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>A detail under it</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list --></li>\n<!-- /wp:list-item --><!-- wp:list-item -->\n<li>Second point</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->\n\n`,
    `<!-- wp:image {"id":${first},"sizeSlug":"large","linkDestination":"none"} -->\n<figure class="wp-block-image size-large"><img src="${a}" alt="Picture ${n}" class="wp-image-${first}"/><figcaption class="wp-element-caption">${captionOf(n)}</figcaption></figure>\n<!-- /wp:image -->\n\n`,
    `<!-- wp:table -->\n<figure class="wp-block-table">${table(n, false)}</figure>\n<!-- /wp:table -->\n\n`,
    `<!-- wp:table -->\n<figure class="wp-block-table">${table(n, true)}<figcaption class="wp-element-caption">Results, story ${n}</figcaption></figure>\n<!-- /wp:table -->\n\n`,
    `<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>We will rebuild the bridge.</p>\n<!-- /wp:paragraph --><cite>The mayor</cite></blockquote>\n<!-- /wp:quote -->\n\n`,
    `<!-- wp:gallery {"linkTo":"none"} -->\n<figure class="wp-block-gallery has-nested-images columns-default is-cropped"><!-- wp:image {"id":${first}} -->\n<figure class="wp-block-image"><img src="${a}" alt="Picture ${n}" class="wp-image-${first}"/></figure>\n<!-- /wp:image --><!-- wp:image {"id":${second}} -->\n<figure class="wp-block-image"><img src="${b}" alt="Second picture ${n}" class="wp-image-${second}"/></figure>\n<!-- /wp:image --></figure>\n<!-- /wp:gallery -->\n\n`,
    `<!-- wp:embed {"url":"${video(n)}","type":"video","providerNameSlug":"youtube","responsive":true} -->\n<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\n${video(n)}\n</div></figure>\n<!-- /wp:embed -->\n\n`,
    `<!-- wp:shortcode -->\n[contact-form-7 id="12" title="Send us a tip"]\n<!-- /wp:shortcode -->\n\n`,
    `<!-- wp:separator -->\n<hr class="wp-block-separator has-alpha-channel-opacity"/>\n<!-- /wp:separator -->\n\n`,
    p(`The end of story ${n}.`),
  ].join('');
}

function classicBody(n: number, date: string, older: string): string {
  const { first, second } = ids(n);
  const [a] = pictureFiles(n).map((file) => `${SITE}/wp-content/uploads/${file}`);
  return [
    `Story ${n} begins: the council met on ${date.slice(0, 10)}, and <strong>nobody</strong> expected <a href="${older}">what followed</a>.`,
    'Readers wrote in with {curly braces}, a heart <3, and a line that starts:\nexport default.',
    '<h2>Background</h2>',
    '<ul>\n<li>First point\n<ul>\n<li>A detail under it</li>\n</ul>\n</li>\n<li>Second point</li>\n</ul>',
    `[caption id="attachment_${first}" align="aligncenter" width="800"]<img class="size-full wp-image-${first}" src="${a}" alt="Picture ${n}" width="800" height="533" /> ${captionOf(n)}[/caption]`,
    table(n, false),
    `[gallery ids="${first},${second}"]`,
    `[embed]${video(n)}[/embed]`,
    `<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The bridge is closed again. Story ${n}.</p>&mdash; City Desk (@citydesk) <a href="https://twitter.com/citydesk/status/${n}">${date.slice(0, 10)}</a></blockquote>\n<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>`,
    `<iframe width="560" height="315" src="https://www.youtube.com/embed/vid${String(n).padStart(8, '0')}" frameborder="0" allowfullscreen></iframe>`,
    '[pullquote]We will rebuild the bridge.[/pullquote]',
    `The end of story ${n}.`,
  ].join('\n\n');
}

function comments(n: number, perPost: number, firstId: number): GeneratedComment[] {
  const list: GeneratedComment[] = [];
  for (let c = 0; c < perPost; c += 1) {
    const id = firstId + c;
    // Every third comment answers the one before it, and every seventh answers that reply's
    // parent's parent chain again: threads two and three deep.
    const parent = c % 3 === 2 ? id - 1 : c % 7 === 6 && c >= 3 ? id - 3 : 0;
    const approved = id % 20 === 5 ? '0' : id % 20 === 11 ? 'spam' : id % 40 === 17 ? 'trash' : '1';
    const pingback = id % 50 === 23;
    list.push({
      id,
      parent: pingback ? 0 : parent,
      author: pingback ? 'Another Paper' : `Reader ${id}`,
      content: pingback
        ? `[&#8230;] as the paper reported in story ${n} [&#8230;]`
        : `Comment ${id} on story ${n}: I disagree with the second paragraph, and here is why.`,
      approved,
      ...(pingback ? { type: 'pingback' } : {}),
    });
  }
  return list;
}

function channelHead(): string {
  const parts = [wxrHeader('The Daily Bench')];
  for (const [i, name] of AUTHORS.entries()) {
    const [firstName, ...rest] = name.split(' ');
    parts.push(
      `\t<wp:author><wp:author_id>${i + 1}</wp:author_id><wp:author_login>${cdata(`writer${i + 1}`)}</wp:author_login><wp:author_email>${cdata(`writer${i + 1}@news.example`)}</wp:author_email><wp:author_display_name>${cdata(name)}</wp:author_display_name><wp:author_first_name>${cdata(firstName ?? '')}</wp:author_first_name><wp:author_last_name>${cdata(rest.join(' '))}</wp:author_last_name></wp:author>\n`,
    );
  }
  for (const [i, section] of SECTIONS.entries()) {
    const name = section[0]?.toUpperCase() + section.slice(1);
    parts.push(
      `\t<wp:category><wp:term_id>${i + 1}</wp:term_id><wp:category_nicename>${cdata(section)}</wp:category_nicename><wp:category_parent>${cdata('')}</wp:category_parent><wp:cat_name>${cdata(name)}</wp:cat_name></wp:category>\n`,
      `\t<wp:category><wp:term_id>${i + 11}</wp:term_id><wp:category_nicename>${cdata(`${section}-local`)}</wp:category_nicename><wp:category_parent>${cdata(section)}</wp:category_parent><wp:cat_name>${cdata(`Local ${section}`)}</wp:cat_name></wp:category>\n`,
    );
  }
  for (let t = 0; t < TAGS; t += 1) {
    parts.push(
      `\t<wp:tag><wp:term_id>${100 + t}</wp:term_id><wp:tag_slug>${cdata(`tag-${t}`)}</wp:tag_slug><wp:tag_name>${cdata(`Tag ${t}`)}</wp:tag_name></wp:tag>\n`,
    );
  }
  return parts.join('');
}

function post(n: number, shape: NewsroomShape, firstComment: number): string[] {
  const status = STATUS_BY_REMAINDER[n % 100] ?? 'publish';
  const date = dateOf(n, status === 'future');
  const slug = `story-${n}`;
  const { post: id, first, second } = ids(n);
  const older = permalinkOf(dateOf(Math.max(1, n - 1), false), `story-${Math.max(1, n - 1)}`);
  const section = SECTIONS[n % SECTIONS.length] ?? 'news';
  const category = n % 4 === 0 ? `${section}-local` : section;
  const [a, b] = pictureFiles(n);
  const attachment = (pictureId: number, file: string, title: string, caption: string) =>
    itemXml({
      id: pictureId,
      title,
      slug: `${slug}-${pictureId}`,
      content: '',
      excerpt: caption,
      type: 'attachment',
      status: 'inherit',
      parent: id,
      date,
      link: `${permalinkOf(date, slug)}${slug}-${pictureId}/`,
      attachmentUrl: `${SITE}/wp-content/uploads/${file}`,
      meta: [
        { key: '_wp_attached_file', value: file },
        { key: '_wp_attachment_image_alt', value: title },
      ],
    });
  const story: GeneratedPost = {
    id,
    title: `Story ${n}: the council & the bridge`,
    slug,
    content: n % 2 === 0 ? blockBody(n, date, older) : classicBody(n, date, older),
    ...(n % 2 === 0 ? { excerpt: `What the council decided about the bridge, part ${n}.` } : {}),
    status,
    ...(n % 100 === 5 ? { password: 'members' } : {}),
    sticky: n % 1000 === 7,
    date,
    link: permalinkOf(date, slug),
    creator: `writer${(n % AUTHORS.length) + 1}`,
    categories: [
      { domain: 'category', nicename: category, name: category },
      { domain: 'post_tag', nicename: `tag-${n % TAGS}`, name: `Tag ${n % TAGS}` },
      { domain: 'post_tag', nicename: `tag-${(n * 7) % TAGS}`, name: `Tag ${(n * 7) % TAGS}` },
    ],
    meta: [{ key: '_thumbnail_id', value: String(first) }],
    comments: comments(n, shape.commentsPerPost, firstComment),
  };
  return [
    attachment(first, a ?? '', `Picture ${n}`, captionOf(n)),
    attachment(second, b ?? '', `Second picture ${n}`, ''),
    itemXml(story),
  ];
}

function page(p: number, shape: NewsroomShape, parentOf: number): string {
  const id = (shape.posts + 1) * 10 + p;
  const slug = `page-${p}`;
  const nested = p % 5 !== 0 && parentOf !== 0;
  return itemXml({
    id,
    title: `Page ${p}`,
    slug,
    content: `About page ${p}.\n\n${table(p, false)}`,
    type: 'page',
    parent: nested ? parentOf : 0,
    link: nested
      ? `${SITE}/page-${parentOf - (shape.posts + 1) * 10}/${slug}/`
      : `${SITE}/${slug}/`,
  });
}

/** The whole export as a sequence of strings, never held at once. */
export function* newsroomExport(shape: NewsroomShape): Generator<string> {
  yield channelHead();
  let topPage = 0;
  for (let p = 0; p < shape.pages; p += 1) {
    yield page(p, shape, topPage);
    if (p % 5 === 0) topPage = (shape.posts + 1) * 10 + p;
  }
  for (let n = 1; n <= shape.posts; n += 1) {
    yield* post(n, shape, (n - 1) * shape.commentsPerPost + 1);
  }
  yield WXR_FOOTER;
}

export async function writeNewsroomExport(path: string, shape: NewsroomShape): Promise<void> {
  const out = createWriteStream(path);
  for (const part of newsroomExport(shape)) {
    if (!out.write(part)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}
