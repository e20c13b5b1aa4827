import { request as httpRequest } from 'node:http';
import { expect, test, type APIRequestContext } from './test';
import { KIM } from './fixtures';

/**
 * Crawlers and attackers request any URL. Every route in app/ (and Next's own image and static
 * routes), fed malformed path segments and query strings, must answer without a server error.
 * Requests go out through node:http so that the path reaches the server byte for byte: a URL
 * parser on this side would resolve `..`, re-encode `%ZZ` or refuse the request.
 */

const LONG = 'x'.repeat(10_000);

/**
 * Percent-encodings that do not decode. Next 16.4 answers these with a 500 on every dynamic
 * route (it tries to render a /400 page the App Router does not have), before any route code
 * runs: the proxy refuses them with a 400 first.
 */
const UNDECODABLE = [
  '%E0%A4%A', // a multi-byte sequence cut short
  '%ZZ',
  '%',
  '%C0%AF', // an overlong "/"
  '%ED%A0%80', // a UTF-16 surrogate
  '%FF',
];

/** Path segments as they go on the wire. */
const SEGMENTS = [
  '%00',
  '%01',
  '%0A',
  '%0D%0A',
  '%7F',
  'caf\u00e9', // a raw Latin-1 byte: not UTF-8
  '%C3%BC%F0%9F%98%80', // valid unicode
  '..',
  '%2e%2e',
  '%2F',
  '%5C',
  '%20',
  '-1',
  '0',
  '1e3',
  '2.0',
  '99999999999999999999',
  'NaN',
  '__proto__',
  'constructor',
  LONG,
];

/** Query strings for routes that read one, and for those that do not. */
const QUERIES = [
  '?q=%E0%A4%A',
  '?q=%ZZ&section=%',
  '?%=%&=',
  '?q=a&q=b&section=world&section=politics',
  '?q[]=a&q[]=b&section[x]=y',
  `?q=${LONG}`,
  '?q=%00&section=%0A',
  '?q=%C3%BC%F0%9F%98%80',
  '?page=-1&page=99999999999999999999&page=1e3',
  '?status=%0A&done=%0D%0A&signin=%00',
  '?status=__proto__&done=constructor',
  '?path=%0A&secret=',
  '?path=/%09/evil.example',
];

const ARTICLE = KIM.url;
const [, SECTION = '', SLUG = ''] = ARTICLE.split('/');

/** Every route in app/, with `{}` where a malformed segment goes. */
const SEGMENT_ROUTES = [
  '/{}',
  '/{}/page/2',
  `/${SECTION}/page/{}`,
  `/${SECTION}/{}`,
  `/{}/${SLUG}`,
  `/${SECTION}/{}/opengraph-image`,
  '/{}/feed.xml',
  '/authors/{}',
  '/authors/{}/page/2',
  '/authors/omar-el-sayed/page/{}',
  '/tags/{}',
  '/tags/{}/page/2',
  '/tags/north-korea/page/{}',
  '/comments/{}/reply',
  '/admin/{}',
  '/api/{}',
  '/api/preview/{}',
  '/search?q={}',
  '/search?q=russia&section={}',
  '/admin/comments?status={}&done={}',
  '/api/preview/exit?path={}',
  '/api/preview/exit?path=/{}',
  '/_next/image?url={}&w=64&q=75',
  '/_next/image?url=/logo.png&w={}&q={}',
  '/_next/static/{}',
  '/_next/{}',
  '/_next/static/{}/x',
  '/about/team/{}',
];

/** Routes without a parameter, which still receive query strings. */
const FIXED_ROUTES = [
  '/',
  `/${SECTION}`,
  `/${SECTION}/page/2`,
  ARTICLE,
  `${ARTICLE}/opengraph-image`,
  `/${SECTION}/feed.xml`,
  '/authors/omar-el-sayed',
  '/authors/lena-vogel/page/2',
  '/tags',
  '/tags/north-korea',
  '/comments/1/reply',
  '/corrections',
  '/privacy',
  '/search',
  '/admin/comments',
  '/api/preview/exit',
  '/feed.xml',
  '/atom.xml',
  '/feed.json',
  '/sitemap.xml',
  '/news-sitemap.xml',
  '/robots.txt',
  '/icon.png',
  '/apple-icon.png',
  '/logo.png',
];

/** The answers a malformed request may get: the page, a redirect, or a refusal. */
const SENSIBLE = new Set([
  200, 301, 302, 303, 307, 308, 400, 401, 403, 404, 405, 409, 411, 413, 414, 429, 431,
]);

function get(path: string, address: string): Promise<number> {
  const base = new URL(String(test.info().project.use.baseURL));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        path,
        headers: { 'x-forwarded-for': address },
        timeout: 60_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out: ${path.slice(0, 200)}`)));
    req.on('error', reject);
    req.end();
  });
}

/** Each test walks from a /24 of its own: the wrong preview secrets count against it. */
async function walk(paths: string[], address: string): Promise<string[]> {
  const wrong: string[] = [];
  const queue = [...paths];
  // Four at a time: enough to finish in time on a busy 2-core machine, not a load test.
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const status = await get(path, address);
        if (!SENSIBLE.has(status)) wrong.push(`${status} ${path.slice(0, 160)}`);
      }
    }),
  );
  return wrong;
}

test('malformed path segments never cause a server error', async () => {
  test.setTimeout(300_000);
  const paths = SEGMENT_ROUTES.flatMap((route) =>
    SEGMENTS.map((segment) => route.replaceAll('{}', segment)),
  );
  expect(await walk(paths, '198.18.1.1')).toEqual([]);
});

test('undecodable path segments are refused, never a server error', async () => {
  test.setTimeout(300_000);
  const paths = SEGMENT_ROUTES.flatMap((route) =>
    UNDECODABLE.map((segment) => route.replaceAll('{}', segment)),
  );
  expect(await walk(paths, '198.18.4.1')).toEqual([]);
});

test('malformed query strings never cause a server error', async () => {
  test.setTimeout(300_000);
  const paths = FIXED_ROUTES.flatMap((route) => QUERIES.map((query) => `${route}${query}`));
  expect(await walk(paths, '198.18.2.1')).toEqual([]);
});

test('a wrong or malformed preview secret is refused, never an error', async () => {
  const paths = ['%00', '%ZZ', '%E0%A4%A', LONG, '', 'a&secret=b'].map(
    (secret) => `/api/preview?secret=${secret}&path=%0A`,
  );
  expect(await walk(paths, '198.18.3.1')).toEqual([]);
});

test('the preview routes never redirect off the site', async ({ request }) => {
  for (const path of ['/%09/evil.example', '//evil.example', '/\\evil.example', '/.//evil']) {
    const response = await request.get(`/api/preview/exit?path=${encodeURIComponent(path)}`, {
      maxRedirects: 0,
    });
    expect(response.status(), path).toBeLessThan(400);
    const location = response.headers()['location'] ?? '';
    expect(new URL(location, 'http://site.test').origin, path).toBe('http://site.test');
    expect(location, path).toMatch(/^\/(?!\/)[\x21-\x7e]*$/);
  }
  const newline = await request.get('/api/preview/exit?path=/x%0Ay', { maxRedirects: 0 });
  expect(newline.status()).toBeLessThan(400);
});

type Post = [path: string, headers: Record<string, string>, body: string];

async function postAll(request: APIRequestContext, posts: Post[]): Promise<string[]> {
  const wrong: string[] = [];
  for (const [path, headers, data] of posts) {
    const response = await request.post(path, { headers, data, maxRedirects: 0 });
    if (!SENSIBLE.has(response.status())) {
      wrong.push(`${response.status()} POST ${path} ${data.slice(0, 40)}`);
    }
  }
  return wrong;
}

const FROM = { 'x-forwarded-for': '198.18.5.1' };
const MULTIPART = { ...FROM, 'content-type': 'multipart/form-data; boundary=x' };
const FORM = { ...FROM, 'content-type': 'application/x-www-form-urlencoded' };

test('malformed posts to server actions and the preview route are refused', async ({ request }) => {
  const posts: Post[] = [
    [ARTICLE, { ...FROM, 'next-action': 'not-an-action', 'content-type': 'text/plain' }, 'x'],
    ['/admin/comments', { ...MULTIPART, 'next-action': 'a'.repeat(42) }, 'garbage'],
    ['/api/preview', MULTIPART, 'garbage'],
    ['/api/preview', FORM, ''],
    ['/api/preview', FORM, `secret=${LONG}&path=%0A`],
    ['/api/preview', FORM, 'secret=%ZZ&secret=x&path=%E0%A4%A'],
    ['/api/preview', { ...FROM, 'content-type': 'application/json' }, '{"secret": ['],
    ['/api/preview/exit', FROM, 'x'],
    ['/feed.xml', FROM, 'x'],
    ['/search', FORM, 'q=%ZZ'],
  ];
  expect(await postAll(request, posts)).toEqual([]);
});

/**
 * Next 16.4 reads a multipart post to any page as a form submitted before JavaScript loaded, and
 * answers 500 when the body does not parse; the proxy refuses such a body with a 400 first.
 */
test('a multipart body that does not parse is refused on every page', async ({ request }) => {
  const truncated = '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n';
  // Framed as multipart, odd inside: the proxy lets these through, and Next must cope.
  const headless = '--x\r\n\r\nb\r\n--x--\r\n';
  const nameless = '--x\r\nContent-Disposition: form-data\r\n\r\nb\r\n--x--\r\n';
  const badHeader = '--x\r\nnot a header\r\n\r\nb\r\n--x--\r\n';
  const action = '--x\r\nContent-Disposition: form-data; name="$ACTION_ID_00"\r\n\r\n\r\n--x--\r\n';
  const posts: Post[] = [
    ARTICLE,
    `${ARTICLE}/comment`,
    '/',
    '/search',
    '/admin/comments',
    '/comments/1/reply',
  ].flatMap((path): Post[] =>
    [truncated, 'garbage', headless, nameless, badHeader, action].map((body) => [
      path,
      MULTIPART,
      body,
    ]),
  );
  expect(await postAll(request, posts)).toEqual([]);
});
