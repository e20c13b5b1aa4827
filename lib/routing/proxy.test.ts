// @vitest-environment node
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as ProxyModule from '../../proxy';
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
  write(`.contentlayer/masthead/${ROUTES_FILE}`, JSON.stringify(routes));
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

const request = (pathname: string, cookie?: string) =>
  new NextRequest(`http://localhost${pathname}`, {
    headers: cookie ? { cookie: `__prerender_bypass=${cookie}` } : {},
  });
const lets = (response: Response) => response.headers.get('x-middleware-next') === '1';

describe('proxy', () => {
  it('lets real pages and public files through', () => {
    for (const pathname of ['/world', '/world/kim', '/ads.txt', '/search']) {
      expect(lets(proxyModule.proxy(request(pathname))), pathname).toBe(true);
    }
  });

  it('answers the site’s not-found page itself: 404, never stored, with the security headers', async () => {
    const response = proxyModule.proxy(request('/world/invented'));
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
    expect(proxyModule.proxy(request('/world/secret')).status).toBe(404);
    expect(proxyModule.proxy(request('/world/secret', 'forged')).status).toBe(404);
    expect(proxyModule.proxy(request('/world/secret', '')).status).toBe(404);
    expect(lets(proxyModule.proxy(request('/world/secret', PREVIEW_ID)))).toBe(true);
    // A real editor's cookie opens drafts, not invented URLs.
    expect(proxyModule.proxy(request('/world/invented', PREVIEW_ID)).status).toBe(404);
  });

  it('lets `next dev` render its own 404 page, which it neither prerenders nor caches', () => {
    vi.stubEnv('NODE_ENV', 'development');
    expect(lets(proxyModule.proxy(request('/world/invented')))).toBe(true);
  });

  it('lets everything through before the content build has run, as the pages then say', () => {
    rmSync(path.join(root, '.contentlayer'), { recursive: true });
    vi.resetModules();
    return import('../../proxy').then(({ proxy }) => {
      expect(lets(proxy(request('/world/invented')))).toBe(true);
    });
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
  ])('runs the proxy for %s', (url) => {
    expect(unstable_doesMiddlewareMatch({ config: proxyModule.config, url })).toBe(true);
  });

  it.each([
    // The front page always exists: the busiest page pays nothing.
    '/',
    '/?utm_source=x',
    '/_next/static/chunks/app.js',
    '/_next/image?url=%2Fimages%2Fa.jpg&w=640&q=75',
    '/__nextjs_original-stack-frames',
  ])('leaves %s to Next', (url) => {
    expect(unstable_doesMiddlewareMatch({ config: proxyModule.config, url })).toBe(false);
  });
});
