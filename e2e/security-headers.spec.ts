import { expect, test } from './test';
import { KIM } from './fixtures';

/** Every kind of response the site sends, each from a different part of Next. */
const RESPONSES = {
  'a prerendered page': KIM.url,
  'a page rendered on request': '/search?q=russia',
  'a feed': '/feed.xml',
  'a sitemap': '/sitemap.xml',
  'a picture in public/': '/logo.png',
  'an optimised image': '/_next/image?url=%2Flogo.png&w=64&q=75',
  'a generated OpenGraph image': `${KIM.url}/opengraph-image`,
  'a script': '', // filled in from the page below
  'a missing page': '/world/no-such-story',
  'an API route': '/api/preview/exit?path=/world',
  'a refused API request': '/api/preview?secret=wrong',
};

function expectSitePolicy(csp: string, what: string) {
  for (const directive of [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "script-src-attr 'none'",
  ]) {
    expect(csp.split('; '), what).toContain(directive);
  }
}

test('every kind of response carries the security headers', async ({ request }) => {
  const html = await (await request.get(KIM.url)).text();
  const script = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeDefined();
  const paths = { ...RESPONSES, 'a script': script! };
  for (const [kind, path] of Object.entries(paths)) {
    const response = await request.get(path, {
      maxRedirects: 0,
      headers: { 'x-forwarded-for': '198.18.6.1' },
    });
    expect(response.status(), kind).toBeLessThan(500);
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    if (path.startsWith('/_next/image')) {
      // Next's image optimiser sends its own, stricter policy for a picture: no script, sandboxed.
      expect(csp, kind).toBe("script-src 'none'; frame-src 'none'; sandbox;");
    } else {
      expectSitePolicy(csp, `${kind}: ${path}`);
    }
    expect(headers['x-content-type-options'], kind).toBe('nosniff');
    expect(headers['referrer-policy'], kind).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], kind).toMatch(/\bcamera=\(\)/);
    expect(headers['x-frame-options'], kind).toBe('DENY');
    // The e2e server's SITE_URL is http: a browser told to insist on https could not come back.
    expect(headers['strict-transport-security'], kind).toBeUndefined();
  }
});

test('a page that breaks the policy is caught by the fixture every spec uses', async ({
  page,
  cspViolations,
}) => {
  // The fixture in e2e/test.ts is what makes the rest of the suite a CSP check; prove it sees.
  await page.goto(KIM.url);
  expect(cspViolations).toEqual([]);
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'https://evil.example/pixel.png';
    document.body.append(img);
  });
  await expect.poll(() => cspViolations.join('\n')).toMatch(/img-src/);
  // Left in the list, it would fail this test: that is the fixture's job in every other spec.
  cspViolations.length = 0;
});
