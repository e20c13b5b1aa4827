// The comment form as a page serves it, read the way a browser without JavaScript would.
const decode = (s) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Hidden fields of the comment form (Next's action fields, the article, the time token). */
export function readCommentForm(html) {
  const at = html.indexOf('comment-form');
  if (at < 0) throw new Error('no comment form on the page');
  const form = html.slice(html.lastIndexOf('<form', at), html.indexOf('</form>', at));
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map(
    ([, name, value]) => [decode(name), decode(value ?? '')],
  );
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
