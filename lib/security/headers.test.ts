import { securityHeaders } from './headers';

const headersFor = (siteUrl: string) =>
  Object.fromEntries(securityHeaders({ siteUrl }).map(({ key, value }) => [key, value]));

const directives = (csp: string) =>
  new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );

describe('securityHeaders', () => {
  it('sends the baseline on every site', () => {
    const headers = headersFor('http://localhost:3000');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['Permissions-Policy']).toMatch(/(^|, )camera=\(\)/);
    expect(headers['Permissions-Policy']).toMatch(/(^|, )geolocation=\(\)/);
    expect(headers['Permissions-Policy']).not.toMatch(/=\((?!\))/);
  });

  it('sends HSTS and upgrades requests only when SITE_URL is https', () => {
    for (const siteUrl of ['http://localhost:3000', 'http://news.example', 'news.example', '']) {
      const headers = headersFor(siteUrl);
      expect(headers['Strict-Transport-Security'], siteUrl).toBeUndefined();
      expect(headers['Content-Security-Policy'], siteUrl).not.toContain('upgrade-insecure');
    }
    for (const siteUrl of ['https://news.example', 'HTTPS://news.example/']) {
      const headers = headersFor(siteUrl);
      expect(headers['Strict-Transport-Security'], siteUrl).toMatch(/^max-age=\d{8,}$/);
      expect(headers['Content-Security-Policy'], siteUrl).toContain('upgrade-insecure-requests');
    }
  });

  it('allows scripts, styles and everything else only from this origin', () => {
    const csp = directives(headersFor('https://news.example')['Content-Security-Policy']!);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('style-src-elem')).toEqual(["'self'"]);
    for (const [name, sources] of csp) {
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain('*');
      expect(
        sources.filter((s) => /^[a-z-]+:/.test(s)),
        name,
      ).toEqual([]);
    }
  });

  it('admits an ad provider only when given, and exactly its origins', () => {
    const none = directives(headersFor('https://news.example')['Content-Security-Policy']!);
    expect(none.get('frame-src')).toEqual(["'none'"]);
    const origins = ['https://ads.example.net', 'https://cdn.ads.example.net'];
    const csp = directives(
      Object.fromEntries(
        securityHeaders({ siteUrl: 'https://news.example', adOrigins: origins }).map((h) => [
          h.key,
          h.value,
        ]),
      )['Content-Security-Policy']!,
    );
    expect(csp.get('script-src')).toEqual(["'self'", "'unsafe-inline'", ...origins]);
    expect(csp.get('img-src')).toEqual(["'self'", ...origins]);
    expect(csp.get('connect-src')).toEqual(["'self'", ...origins]);
    expect(csp.get('frame-src')).toEqual(origins);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('style-src-elem')).toEqual(["'self'"]);
  });

  it('writes into the policy only what is exactly a plain origin, whatever it is given', () => {
    const hostile = [
      'https://*',
      'https://ads.example.com;sandbox allow-scripts',
      "'unsafe-eval'",
      'https://a.com https://b.com',
      'https://a.com/path',
      'https://a.com\n',
      'HTTPS://A.COM',
      '',
    ];
    const csp = Object.fromEntries(
      securityHeaders({
        siteUrl: 'https://news.example',
        adOrigins: [...hostile, 'https://ads.example.net'],
      }).map((h) => [h.key, h.value]),
    )['Content-Security-Policy']!;
    const parsed = directives(csp);
    expect(parsed.get('script-src')).toEqual([
      "'self'",
      "'unsafe-inline'",
      'https://ads.example.net',
    ]);
    expect(parsed.get('frame-src')).toEqual(['https://ads.example.net']);
    expect(parsed.has('sandbox')).toBe(false);
    expect(csp).not.toContain('\n');
    const onlyHostile = securityHeaders({ siteUrl: 'https://news.example', adOrigins: hostile });
    expect(directives(onlyHostile[0]!.value).get('frame-src')).toEqual(["'none'"]);
  });
});
