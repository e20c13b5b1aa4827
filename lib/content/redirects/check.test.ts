import { routeTable } from '../../routing/route-table';
import type { RoutesFile } from '../../routing/routes-file';
import { checkRedirects } from './check';
import type { RedirectEntry } from './parse';

const routes: RoutesFile = {
  sections: ['world'],
  authors: ['omar'],
  articles: [
    {
      slug: 'hello-world',
      section: 'world',
      date: '2019-05-01',
      tags: ['café'],
      authors: ['omar'],
    },
  ],
  drafts: [],
  pages: ['about'],
};
const site = {
  routes: routeTable(routes, Date.parse('2026-01-01'), 10),
  publicFileExists: (file: string) => file === '/images/wordpress/2019/05/a.jpg',
};

let line = 0;
const redirect = (from: string, to: string): RedirectEntry => {
  line += 2;
  return { file: 'content/redirects/wordpress.yaml', from, to, fromLine: line, toLine: line + 1 };
};

describe('checkRedirects', () => {
  it('compiles what the proxy looks up: each old address by its key, and the Location', () => {
    const { findings, file } = checkRedirects(
      [
        redirect('/2019/05/hello-world/', '/world/hello-world'),
        redirect('/?p=1', '/world/hello-world'),
        redirect('/category/World/', '/world'),
        redirect('/tag/caf%C3%A9/', '/tags/café'),
        redirect('/author/omar/', '/authors/omar'),
        redirect('/feed/', '/feed.xml'),
        redirect('/category/world/feed/', '/world/feed.xml'),
        redirect('/?page_id=2', '/about'),
        redirect('/wp-content/uploads/2019/05/a.jpg', '/images/wordpress/2019/05/a.jpg'),
        redirect('/%d0%bf%d1%80%d0%b8%d0%b2%d0%b5%d1%82/', '/world/hello-world'),
      ],
      site,
    );
    expect(findings).toEqual([]);
    expect(file.redirects).toEqual([
      ['/2019/05/hello-world', '/world/hello-world'],
      ['/?p=1', '/world/hello-world'],
      ['/category/world', '/world'],
      ['/tag/caf%C3%A9', '/tags/caf%C3%A9'],
      ['/author/omar', '/authors/omar'],
      ['/feed', '/feed.xml'],
      ['/category/world/feed', '/world/feed.xml'],
      ['/?page_id=2', '/about'],
      ['/wp-content/uploads/2019/05/a.jpg', '/images/wordpress/2019/05/a.jpg'],
      ['/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82', '/world/hello-world'],
    ]);
  });

  it.each([
    ['protocol-relative', '//evil.example/'],
    ['a backslash browsers read as a slash', '/\\evil.example'],
    ['a tab browsers strip', '/\t/evil.example'],
    ['a newline', '/world/hello-world\nLocation: https://evil.example/'],
    ['an absolute address', 'https://evil.example/'],
    ['another scheme', 'javascript:alert(1)'],
    ['a dot segment that resolves off the site', '/.//evil.example'],
  ])('never compiles a redirect off the site: %s', (_, to) => {
    const { findings, file } = checkRedirects([redirect('/old/', to)], site);
    expect(file.redirects).toEqual([]);
    expect(findings.map((f) => [f.field, f.severity])).toEqual([['to', 'error']]);
  });

  it('compiles none of the addresses the site answers itself, nor Next’s own files', () => {
    const { findings, file } = checkRedirects(
      [
        redirect('/', '/about'),
        redirect('/World/Hello-World/', '/about'),
        redirect('/feed.xml', '/about'),
        redirect('/_next/static/chunks/app.js', '/about'),
        redirect('/images/wordpress/2019/05/a.jpg', '/about'),
      ],
      site,
    );
    expect(file.redirects).toEqual([]);
    expect(findings.map((f) => f.problem)).toEqual([
      '"/" is an address this site answers itself',
      '"/World/Hello-World/" is an address this site answers itself',
      '"/feed.xml" is an address this site answers itself',
      '"/_next/static/chunks/app.js" is a file of Next’s own',
      '"/images/wordpress/2019/05/a.jpg" is a file in public/',
    ]);
  });

  it('finds a loop however long, and says where a chain ends', () => {
    const { findings } = checkRedirects(
      [
        redirect('/a/', '/b'),
        redirect('/b/', '/c'),
        redirect('/c/', '/A/'),
        redirect('/d/', '/e'),
        redirect('/e/', '/world/hello-world'),
        redirect('/self', '/SELF/'),
      ],
      site,
    );
    expect(findings.map((f) => `${f.field}  ${f.problem} — ${f.fix}`)).toEqual([
      'to  "/b" is redirected back here ("/a/" → "/b/" → "/c/" → "/a/") — remove one of these redirects',
      'to  "/c" is redirected back here ("/b/" → "/c/" → "/a/" → "/b/") — remove one of these redirects',
      'to  "/A/" is redirected back here ("/c/" → "/a/" → "/b/" → "/c/") — remove one of these redirects',
      'to  "/e" is itself redirected, to /world/hello-world — write to: /world/hello-world',
      'to  "/SELF/" leads back to "/self" — remove this redirect: addresses match in any case, with or without the / at the end',
    ]);
  });

  it('follows a chain of thousands a few redirects at a time, not each to its end', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => redirect(`/old-${i}/`, `/old-${i + 1}/`));
    const started = performance.now();
    const { findings } = checkRedirects(chain, site);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(findings[0]?.problem).toBe('"/old-1/" leads through more than 10 redirects');
    expect(findings.at(-1)?.problem).toBe('"/old-5000/" is not a page this site has');
  });

  it('shows an address with invisible characters escaped, so it cannot reorder the message', () => {
    const { findings } = checkRedirects(
      [
        redirect('/\u202Eevil/', '/world/hello-world'),
        redirect('/\u202EEVIL', '/world/hello-world'),
      ],
      site,
    );
    expect(findings.map((f) => f.problem)).toEqual([
      '"/\\u202eEVIL" is already redirected in content/redirects/wordpress.yaml:' +
        String(line - 2),
    ]);
  });
});
