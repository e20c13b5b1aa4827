// The comment form as a page serves it, read the way a browser without JavaScript would, and
// the two requests a browser makes with it: the plain form post (no JavaScript) and the fetch
// React makes for a server action (JavaScript).
const decode = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function formHtml(html) {
  const at = html.indexOf('comment-form');
  if (at < 0) throw new Error('no comment form on the page');
  return html.slice(html.lastIndexOf('<form', at), html.indexOf('</form>', at));
}

/** Hidden fields of the comment form (Next's action fields, the article, the time token). */
export function readCommentForm(html) {
  return [
    ...formHtml(html).matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g),
  ].map(([, name, value]) => [decode(name), decode(value ?? '')]);
}

/** Where the form posts without JavaScript: its permalink, the light comment page. */
export function readFormAction(html) {
  const action = /<form[^>]*\saction="([^"]+)"/.exec(formHtml(html))?.[1];
  if (!action) throw new Error('the comment form has no action');
  return decode(action);
}

/** Milliseconds to wait before the form's time token lets a post through. */
export function tokenWait(hidden, now = Date.now()) {
  const token = hidden.find(([name]) => name === 'token')?.[1] ?? '';
  return Math.max(0, Number(token.split('.')[0]) + 3_200 - now);
}

/** A multipart body like the browser's, from the hidden fields and what the reader typed. */
export function commentBody(hidden, fields) {
  const body = new FormData();
  for (const [name, value] of hidden) body.append(name, value);
  body.append('address', '');
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return body;
}

/**
 * The request React sends for the same form once JavaScript has loaded (recorded from
 * Chromium with Next 16.4 / React 19.3): the action's id in a `Next-Action` header, every form
 * field under the prefix `_1_`, and field `0` holding the arguments [previous state, form].
 */
export function jsActionRequest(hidden, fields, articlePath) {
  const value = (name) => hidden.find(([n]) => n === name)?.[1] ?? '';
  const ref = hidden
    .find(([name]) => /^\$ACTION_REF_/.test(name))?.[0]
    .slice('$ACTION_REF_'.length);
  const { id } = JSON.parse(value(`$ACTION_${ref}:0`));
  const [previousState] = JSON.parse(value(`$ACTION_${ref}:1`));
  const body = new FormData();
  for (const [name, v] of hidden) body.append(`_1_${name}`, v);
  body.append('_1_address', '');
  for (const [name, v] of Object.entries(fields)) body.append(`_1_${name}`, v);
  body.append('0', JSON.stringify([previousState, '$K1']));
  const segments = articlePath.split('/').filter(Boolean);
  const tree = [
    '',
    {
      children: [
        ['section', segments[0], 'd', null],
        { children: [['slug', segments[1], 'd', null], { children: ['__PAGE__', {}] }] },
      ],
    },
  ];
  return {
    body,
    headers: {
      accept: 'text/x-component',
      'next-action': id,
      'next-router-state-tree': encodeURIComponent(JSON.stringify(tree)),
    },
  };
}

/**
 * Posts comments the way a browser with (`js`) or without (`nojs`) JavaScript does, from the
 * form in `html` (the article page at `articlePath` on `base`). `post` resolves to 'held',
 * 'published', or the reason the server gave; it rejects only when no answer came at all.
 * `fetch` may be one that sends from another address (test/checks/cluster/load.mjs).
 */
export function commentPoster({ base, articlePath, html, mode, fetch = globalThis.fetch }) {
  const hidden = readCommentForm(html);
  const action = readFormAction(html);
  return {
    hidden,
    async post(fields, address) {
      const common = { 'x-forwarded-for': address, origin: base };
      if (mode === 'js') {
        const { body, headers } = jsActionRequest(hidden, fields, articlePath);
        const response = await fetch(base + articlePath, {
          method: 'POST',
          body,
          headers: { ...headers, ...common },
        });
        const text = await response.text();
        const status = /"status":"(\w+)"/.exec(text)?.[1];
        if (status === 'held' || status === 'published') return status;
        return /"message":"([^"]+)"/.exec(text)?.[1] ?? `HTTP ${response.status}`;
      }
      const response = await fetch(base + action, {
        method: 'POST',
        body: commentBody(hidden, fields),
        headers: { ...common, accept: 'text/html' },
        redirect: 'manual',
      });
      const location = response.headers.get('location') ?? '';
      const text = await response.text();
      if (response.status === 303 && location.endsWith('#comment-held')) return 'held';
      if (response.status === 303 && location.endsWith('#comment-published')) return 'published';
      return /role="alert"[^>]*><p[^>]*>([^<]+)/.exec(text)?.[1] ?? `HTTP ${response.status}`;
    },
  };
}
