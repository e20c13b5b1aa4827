// @vitest-environment node
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as ProxyModule from '../../proxy';
import { writeTestVersion } from '@/test/support/content-version';
import { pathKey } from '@/lib/content/redirects/addresses';
import type { RedirectsFile } from '@/lib/content/redirects/check';
import { VERSION_FILES } from '@/lib/content/store/layout';
import { REDIRECT_CACHE_CONTROL } from './redirects';
import { ROUTES_FILE, type RoutesFile } from './routes-file';

// Next's server modules expect the AsyncLocalStorage its server runtime installs.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage = AsyncLocalStorage;
const { NextRequest } = await import('next/server');
const { unstable_doesMiddlewareMatch } = await import('next/experimental/testing/server');

const PREVIEW_ID = 'a3f1c2d4e5b6a7980123456789abcdef';
const NOT_FOUND_HTML = '<!DOCTYPE html><h1>We can’t find that page</h1>';

const routes: RoutesFile = {
  sections: ['world'],
  authors: ['omar'],
  articles: [
    { slug: 'kim', section: 'world', date: '2026-01-01T00:00:00Z', tags: [], authors: ['omar'] },
  ],
  drafts: [{ slug: 'secret', section: 'world' }],
  pages: ['about', 'about/team', 'about/team/editors'],
  pageDrafts: ['about/plans'],
};

let root: string;
let proxyModule: typeof ProxyModule;
beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'masthead-proxy-'));
  vi.spyOn(process, 'cwd').mockReturnValue(root);
  vi.stubEnv('NODE_ENV', 'production');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  writeTestVersion(root, { [ROUTES_FILE]: JSON.stringify(routes) });
  write('.next/server/preview-props.json', JSON.stringify({ previewModeId: PREVIEW_ID }));
  write('.next/server/app/_not-found.html', NOT_FOUND_HTML);
  write('public/ads.txt', 'ads');
  vi.resetModules();
  proxyModule = await import('../../proxy');
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

const request = (pathname: string, cookie?: string, host = 'localhost:3000') =>
  new NextRequest(`http://localhost${pathname}`, {
    headers: { host, ...(cookie ? { cookie: `__prerender_bypass=${cookie}` } : {}) },
  });
/** A read: the proxy answers it at once, without a promise. */
const get = (pathname: string, cookie?: string, host?: string) => {
  const response = proxyModule.proxy(request(pathname, cookie, host));
  if (response instanceof Promise) throw new Error('a GET should be answered synchronously');
  return response;
};
const lets = (response: Response) => response.headers.get('x-middleware-next') === '1';

describe('proxy', () => {
  it('lets real pages and public files through', () => {
    for (const pathname of ['/world', '/world/kim', '/ads.txt', '/search']) {
      expect(lets(get(pathname)), pathname).toBe(true);
    }
  });

  it('answers the site’s not-found page itself: 404, never stored, with the security headers', async () => {
    const response = get('/world/invented');
    expect(lets(response)).toBe(false);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(NOT_FOUND_HTML);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe(
      'private, no-cache, no-store, max-age=0, must-revalidate',
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('opens a draft only with this build’s draft-mode cookie', () => {
    expect(get('/world/secret').status).toBe(404);
    expect(get('/world/secret', 'forged').status).toBe(404);
    expect(get('/world/secret', '').status).toBe(404);
    expect(lets(get('/world/secret', PREVIEW_ID))).toBe(true);
    // A real editor's cookie opens drafts, not invented URLs.
    expect(get('/world/invented', PREVIEW_ID).status).toBe(404);
  });

  it('lets the newsroom’s pages through at every depth, a draft page only to an editor', () => {
    for (const pathname of ['/about', '/about/team', '/about/team/editors']) {
      expect(lets(get(pathname)), pathname).toBe(true);
    }
    // Where next.config.js renders the third: asked for by that address, nothing.
    expect(get('/nested-page/about/team/editors').status).toBe(404);
    expect(get('/about/plans').status).toBe(404);
    expect(get('/about/plans', 'forged').status).toBe(404);
    expect(lets(get('/about/plans', PREVIEW_ID))).toBe(true);
    expect(get('/about/invented').status).toBe(404);
  });

  it('lets `next dev` render its own 404 page, which it neither prerenders nor caches', () => {
    vi.stubEnv('NODE_ENV', 'development');
    expect(lets(get('/world/invented'))).toBe(true);
  });

  it('lets everything through before the content build has run, as the pages then say', () => {
    rmSync(path.join(root, '.masthead'), { recursive: true });
    vi.resetModules();
    return import('../../proxy').then(async ({ proxy }) => {
      expect(lets(await proxy(request('/world/invented')))).toBe(true);
    });
  });
});

describe('the proxy on old addresses (content/redirects/)', () => {
  const moved = (to: string) => (from: string) => [pathKey(from)!, to] as [string, string];
  beforeEach(() => {
    const redirects: RedirectsFile = {
      redirects: [
        ...['/2019/05/hello-world/', '/%d0%bf%d1%80%d0%b8/', '/feed/'].map(moved('/world/kim')),
        ['/?p=1', '/world/kim'],
        ['/?page_id=2', '/about/team'],
        // What the content check never lets through, as if redirects.json had been written by
        // hand: the proxy still never answers a Location off the site.
        ...['/evil-1', '/evil-2', '/evil-3', '/evil-4'].map((from, i) =>
          moved(
            ['//evil.example/', '/\\evil.example', 'https://evil.example/', '/\t/evil.example'][i]!,
          )(from),
        ),
      ],
    };
    writeTestVersion(root, {
      [ROUTES_FILE]: JSON.stringify(routes),
      [VERSION_FILES.redirects]: JSON.stringify(redirects),
    });
  });
  const location = (response: Response) => response.headers.get('location') ?? '';

  it('answers an old address 308 with the new one, on this site, for a few minutes', () => {
    const response = get('/2019/05/hello-world');
    expect(response.status).toBe(308);
    expect(new URL(location(response)).origin).toBe('http://localhost');
    expect(new URL(location(response)).pathname).toBe('/world/kim');
    expect(response.headers.get('cache-control')).toBe(REDIRECT_CACHE_CONTROL);
  });

  it.each([
    ['with the slash WordPress wrote', '/2019/05/hello-world/', '/world/kim'],
    ['in capitals', '/2019/05/Hello-World', '/world/kim'],
    ['with a query of the reader’s', '/2019/05/hello-world?utm_source=feed', '/world/kim'],
    ['with a letter encoded', '/2019/05/hello%2Dworld', '/world/kim'],
    ['non-ASCII, encoded as browsers do', '/%D0%BF%D1%80%D0%B8', '/world/kim'],
    ['non-ASCII, in capitals', '/%D0%9F%D0%A0%D0%98', '/world/kim'],
    ['a post by its id', '/?p=1', '/world/kim'],
    ['a post by its id, among other parameters', '/?utm_source=x&p=1', '/world/kim'],
    ['a page by its id', '/?page_id=2', '/about/team'],
    ['the old feed', '/feed', '/world/kim'],
  ])('matches an old address %s', (_, url, to) => {
    const response = get(url);
    expect(response.status, url).toBe(308);
    expect(new URL(location(response)).pathname).toBe(to);
  });

  it.each([
    ['an empty segment', '//2019/05/hello-world'],
    ['an empty segment inside', '/2019//05/hello-world'],
    ['an encoded slash', '/2019%2F05%2Fhello-world'],
    ['an encoded backslash', '/2019/05%5Chello-world'],
    ['a NUL', '/2019/05/hello-world%00'],
    ['a broken escape', '/2019/05/hello-world%E0%A4%A'],
    ['another id', '/?p=2'],
    ['an id with more to it', '/?p=1x'],
    ['more path', '/2019/05/hello-world/comments'],
  ])('matches nothing with %s', (_, url) => {
    const response = get(url);
    expect(response.status, url).not.toBe(308);
    expect(response.headers.get('location'), url).toBeNull();
  });

  it('leaves the front page itself alone', () => {
    expect(lets(get('/'))).toBe(true);
    expect(lets(get('/?utm_source=x'))).toBe(true);
  });

  it.each(['/evil-1', '/evil-2', '/evil-3', '/evil-4'])(
    'never answers a Location off the site, whatever redirects.json says: %s',
    (url) => {
      const response = get(url);
      expect(response.status).not.toBe(308);
      expect(response.headers.get('location')).toBeNull();
    },
  );

  it('sends on reads only: a form posted to an old address is not', async () => {
    const head = proxyModule.proxy(new NextRequest('http://localhost/?p=1', { method: 'HEAD' }));
    expect((head as Response).status).toBe(308);
    const post = await proxyModule.proxy(
      new NextRequest('http://localhost/?p=1', {
        method: 'POST',
        body: 'x',
        headers: { 'content-length': '1' },
      }),
    );
    expect(post.status).not.toBe(308);
  });

  it('answers old addresses on the site’s own host only, never on the admin host', () => {
    vi.stubEnv('ADMIN_ORIGIN', 'https://admin.example.org');
    expect(get('/2019/05/hello-world', undefined, 'admin.example.org').status).toBe(404);
    expect(get('/2019/05/hello-world', undefined, 'news.example.org').status).toBe(308);
  });

  it('takes up a newly published version’s redirects at the next request, and one without any', () => {
    expect(get('/feed').status).toBe(308);
    writeTestVersion(root, { [ROUTES_FILE]: JSON.stringify(routes) });
    expect(get('/feed').status).toBe(404);
  });
});

describe('the proxy with ADMIN_ORIGIN', () => {
  const ADMIN = 'admin.example.org';
  beforeEach(() => {
    vi.stubEnv('ADMIN_ORIGIN', `https://${ADMIN}`);
    vi.stubEnv('SITE_URL', 'https://news.example.org');
    vi.stubEnv('MASTHEAD_AD_ORIGINS', 'https://ads.example.net');
  });
  const ADMIN_PATHS = ['/admin/comments', '/admin/preview', '/api/preview', '/api/preview/exit'];

  it('answers the admin area and preview on the admin host only, with a policy that admits no ad provider', () => {
    for (const path of ADMIN_PATHS) {
      const response = get(path, undefined, ADMIN);
      expect(lets(response), path).toBe(true);
      expect(response.headers.get('content-security-policy'), path).not.toContain('ads.example');
      expect(response.headers.get('content-security-policy'), path).toContain("frame-src 'none'");
    }
  });

  it.each([
    ['the public host', 'news.example.org'],
    ['no host', ''],
    ['the host with a trailing dot', `${ADMIN}.`],
    ['a longer host', `${ADMIN}.evil.com`],
    ['a user before it', `evil.com@${ADMIN}`],
  ])('answers the site’s own 404 on %s', async (_name, host) => {
    for (const path of ADMIN_PATHS) {
      const response = get(path, undefined, host);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toBe(NOT_FOUND_HTML);
    }
    // Draft mode, even with this build's real cookie, is for the admin host.
    expect(get('/world/secret', PREVIEW_ID, host).status).toBe(404);
    expect(get('/world/kim', PREVIEW_ID, host).status).toBe(404);
    expect(lets(get('/world/kim', undefined, host))).toBe(true);
  });

  it('reads no X-Forwarded-Host, which a page’s script may set on its own requests', () => {
    const forged = new NextRequest('http://localhost/admin/comments', {
      headers: { host: 'news.example.org', 'x-forwarded-host': ADMIN },
    });
    expect((proxyModule.proxy(forged) as Response).status).toBe(404);
  });

  it('renders no public page on the admin host: a 404 without a script, the front page sent to moderation', async () => {
    for (const path of ['/world/kim', '/search', '/feed.xml', '/world/invented']) {
      const response = get(path, undefined, ADMIN);
      expect(response.status, path).toBe(404);
      const html = await response.text();
      expect(html, path).toContain('<h1>Not found</h1>');
      expect(html, path).not.toMatch(/<script/i);
      expect(response.headers.get('content-security-policy'), path).not.toContain('ads.example');
    }
    const front = get('/', undefined, ADMIN);
    expect(front.status).toBe(303);
    expect(new URL(front.headers.get('location') ?? '', 'http://x').pathname).toBe(
      '/admin/comments',
    );
    // Its own pictures and icons still load; previews open, invented addresses still do not.
    expect(lets(get('/ads.txt', undefined, ADMIN))).toBe(true);
    expect(lets(get('/world/secret', PREVIEW_ID, ADMIN))).toBe(true);
    expect(lets(get('/world/kim', PREVIEW_ID, ADMIN))).toBe(true);
    expect(get('/world/invented', PREVIEW_ID, ADMIN).status).toBe(404);
    expect(get('/world/secret', 'forged', ADMIN).status).toBe(404);
  });

  it('shuts the admin area everywhere when ADMIN_ORIGIN is not an origin', () => {
    vi.stubEnv('ADMIN_ORIGIN', `https://${ADMIN}/admin`);
    expect(get('/admin/comments', undefined, ADMIN).status).toBe(404);
    expect(lets(get('/world/kim', undefined, ADMIN))).toBe(true);
  });
});

describe('the proxy on request bodies', () => {
  const post = (body: BodyInit, headers: Record<string, string>) =>
    proxyModule.proxy(
      new NextRequest('http://localhost/world/kim/comment', { method: 'POST', body, headers }),
    );

  it('lets a form of a sensible size through', async () => {
    const form = new FormData();
    form.append('comment', 'Hello');
    const encoded = new Request('http://x', { method: 'POST', body: form });
    const body = await encoded.arrayBuffer();
    const type = encoded.headers.get('content-type') ?? '';
    const response = await post(body, {
      'content-type': type,
      'content-length': String(body.byteLength),
    });
    expect(lets(response)).toBe(true);
  });

  it('refuses a body over the limit by its stated length, before reading it (413)', async () => {
    const response = await post('x', { 'content-length': String(2_000_000) });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('refuses a body of unstated length (411) and a nonsense length (400)', async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('x'));
        controller.close();
      },
    });
    const chunked = await proxyModule.proxy(
      new NextRequest('http://localhost/world/kim', {
        method: 'POST',
        body: stream,
        duplex: 'half',
      }),
    );
    expect(chunked.status).toBe(411);
    expect((await post('x', { 'content-length': '-1' })).status).toBe(400);
  });

  it.each([
    ['garbage', 'multipart/form-data; boundary=b', 'garbage'],
    ['another boundary', 'multipart/form-data; boundary=b', '--c\r\nx\r\n--c--'],
    ['no boundary named', 'multipart/form-data', '--b\r\nx\r\n--b--'],
  ])('refuses multipart that is not framed as such: %s', async (_name, type, body) => {
    const response = await post(body, {
      'content-type': type,
      'content-length': String(body.length),
    });
    expect(response.status).toBe(400);
  });

  it('lets a quoted boundary through', async () => {
    const body = '--a b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--a b--\r\n';
    const headers = { 'content-type': 'multipart/form-data; boundary="a b"' };
    const response = await post(body, { ...headers, 'content-length': String(body.length) });
    expect(lets(response)).toBe(true);
  });

  it('refuses a form that does not parse, which Next would answer with a 500', async () => {
    const garbage = '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\nno closing boundary';
    const response = await post(garbage, {
      'content-type': 'multipart/form-data; boundary=b',
      'content-length': String(garbage.length),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('The form in this request could not be read.\n');
  });
});

describe('the proxy’s matcher', () => {
  it.each([
    '/world',
    '/world/invented',
    '/x/y/opengraph-image',
    '/tags/invented/page/2',
    '/images/invented.jpg',
    '/logo.png',
    '/world/x%2Fy',
    '/_nextish',
    '/x/_next/static/a.js',
    // The admin host must not render the front page (ADMIN_ORIGIN).
    '/',
    '/?utm_source=x',
  ])('runs the proxy for %s', (url) => {
    expect(unstable_doesMiddlewareMatch({ config: proxyModule.config, url })).toBe(true);
  });

  it.each([
    '/_next/static/chunks/app.js',
    '/_next/image?url=%2Fimages%2Fa.jpg&w=640&q=75',
    '/__nextjs_original-stack-frames',
  ])('leaves %s to Next', (url) => {
    expect(unstable_doesMiddlewareMatch({ config: proxyModule.config, url })).toBe(false);
  });
});
