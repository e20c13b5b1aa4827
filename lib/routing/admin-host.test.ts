import { adminOrigin, startupRefusals } from '../security/secret-settings';
import { decideHost, isAdminPath, requestHostname, type HostRequest } from './admin-host';

const ON = adminOrigin({
  ADMIN_ORIGIN: 'https://admin.example.org',
  SITE_URL: 'https://news.example.org',
});

const ask = (pathname: string, host: string | null, extra: Partial<HostRequest> = {}) =>
  decideHost(
    { pathname, host, preview: () => false, isPublicFile: (p) => p === '/logo.png', ...extra },
    ON,
  );

describe('ADMIN_ORIGIN', () => {
  it('is off unless set, and a plain origin when set', () => {
    expect(adminOrigin({})).toEqual({ state: 'off' });
    expect(adminOrigin({ ADMIN_ORIGIN: '' })).toEqual({ state: 'off' });
    expect(ON).toEqual({
      state: 'on',
      origin: 'https://admin.example.org',
      hostname: 'admin.example.org',
    });
    expect(adminOrigin({ ADMIN_ORIGIN: 'HTTP://Admin.Localhost:3231' })).toEqual({
      state: 'on',
      origin: 'http://admin.localhost:3231',
      hostname: 'admin.localhost',
    });
  });

  it.each([
    'admin.example.org',
    'https://admin.example.org/',
    'https://admin.example.org/admin',
    'https://*.example.org',
    'https://user@admin.example.org',
    'https://evil.com@admin.example.org',
    'https://admin.example.org.',
    'https://admin.example.org:99999',
    'https://admin.example.org\n',
    'https://bücher.example',
    'javascript:alert(1)',
  ])('refuses to start with %j, naming the setting', (value) => {
    const setting = adminOrigin({ ADMIN_ORIGIN: value });
    expect(setting.state).toBe('invalid');
    expect(startupRefusals({ ADMIN_ORIGIN: value })).toEqual([
      expect.stringMatching(/^ADMIN_ORIGIN ".*" is not an origin: write the scheme, host/),
    ]);
  });

  it('refuses the public site’s own host: cookies do not tell ports apart', () => {
    expect(
      startupRefusals({
        ADMIN_ORIGIN: 'https://news.example.org:8443',
        SITE_URL: 'https://news.example.org',
      }),
    ).toEqual([
      'ADMIN_ORIGIN "https://news.example.org:8443" has the host of SITE_URL; browsers share cookies across ports, so it needs a host of its own, such as admin.news.example.org.',
    ]);
    expect(startupRefusals({})).toEqual([]);
  });
});

describe('requestHostname', () => {
  it.each([
    ['admin.example.org', 'admin.example.org'],
    ['ADMIN.Example.ORG', 'admin.example.org'],
    ['admin.example.org:3231', 'admin.example.org'],
    ['admin.example.org.', 'admin.example.org.'],
    ['127.0.0.1:3000', '127.0.0.1'],
    ['[::1]:3000', '[::1]'],
  ])('reads %j as %j', (header, hostname) => {
    expect(requestHostname(header)).toBe(hostname);
  });

  it.each([
    null,
    '',
    'evil.com@admin.example.org',
    'admin.example.org evil.com',
    'admin.example.org,evil.com',
    'admin.example.org/admin',
    'admin.example.org:',
    'admin.example.org:x',
    'admin.example.org:123456',
    'admin.example.org\r\nX-Injected: 1',
    'bücher.example',
  ])('reads no host from %j', (header) => {
    expect(requestHostname(header)).toBeUndefined();
  });
});

describe('decideHost', () => {
  it('changes nothing without ADMIN_ORIGIN', () => {
    const off = adminOrigin({});
    const request = { host: 'x', preview: () => true, isPublicFile: () => false };
    expect(decideHost({ ...request, pathname: '/admin/comments' }, off)).toBe('public');
    expect(decideHost({ ...request, pathname: '/world/kim' }, off)).toBe('public');
  });

  it('answers the admin area and preview on the admin host, however its name is cased or ported', () => {
    for (const host of ['admin.example.org', 'ADMIN.EXAMPLE.ORG', 'admin.example.org:443']) {
      for (const path of [
        '/admin/comments',
        '/admin/preview',
        '/api/preview',
        '/api/preview/exit',
      ]) {
        expect(ask(path, host), `${host}${path}`).toBe('admin');
      }
    }
  });

  it.each([
    null,
    '',
    'news.example.org',
    'admin.example.org.',
    'admin.example.org.evil.com',
    'evil.com@admin.example.org',
    'evil-admin.example.org',
    'xadmin.example.org',
    'admin.example.org evil.com',
  ])('refuses the admin area and preview on host %j with the site’s 404', (host) => {
    for (const path of ['/admin/comments', '/admin/preview', '/api/preview', '/api/preview/exit']) {
      expect(ask(path, host), path).toBe('not-found');
    }
    // A draft-mode request is a preview wherever it points.
    expect(ask('/world/kim', host, { preview: () => true })).toBe('not-found');
    // Readers' pages are the public host's business.
    expect(ask('/world/kim', host)).toBe('public');
  });

  it('renders no public page on the admin host, and still serves its assets and previews', () => {
    expect(ask('/world/kim', 'admin.example.org')).toBe('admin-not-found');
    expect(ask('/search', 'admin.example.org')).toBe('admin-not-found');
    expect(ask('/feed.xml', 'admin.example.org')).toBe('admin-not-found');
    expect(ask('/', 'admin.example.org')).toBe('to-admin');
    expect(ask('/logo.png', 'admin.example.org')).toBe('admin');
    expect(ask('/icon.png', 'admin.example.org')).toBe('admin');
    expect(ask('/world/kim', 'admin.example.org', { preview: () => true })).toBe('admin');
  });

  it('shuts the admin area everywhere when ADMIN_ORIGIN does not parse', () => {
    const invalid = adminOrigin({ ADMIN_ORIGIN: 'https://*' });
    const request = { preview: () => false, isPublicFile: () => false };
    expect(decideHost({ ...request, pathname: '/admin/comments', host: '*' }, invalid)).toBe(
      'not-found',
    );
    expect(decideHost({ ...request, pathname: '/world', host: '*' }, invalid)).toBe('public');
  });

  it('asks about the preview cookie only when ADMIN_ORIGIN is set', () => {
    const preview = vi.fn(() => false);
    decideHost(
      { pathname: '/world', host: 'x', preview, isPublicFile: () => false },
      adminOrigin({}),
    );
    expect(preview).not.toHaveBeenCalled();
  });
});

describe('isAdminPath', () => {
  it('names the admin area and the preview switch, and nothing that merely starts alike', () => {
    for (const path of ['/admin', '/admin/comments', '/api/preview', '/api/preview/exit']) {
      expect(isAdminPath(path), path).toBe(true);
    }
    for (const path of ['/administration', '/api/previews', '/api/publish', '/world/admin']) {
      expect(isAdminPath(path), path).toBe(false);
    }
  });
});
