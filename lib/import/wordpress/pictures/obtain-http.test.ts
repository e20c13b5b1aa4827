import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  pictureBytes,
  startPictureServer,
  type PictureServer,
} from '@/test/support/picture-server';
import { obtainPictures, type ObtainOptions } from './obtain';
import { sitePathFor } from './site-path';

/**
 * Pictures fetched from an old site over real HTTP: a server on loopback sends real picture
 * bytes, and every hostile answer a server can give.
 */
let server: PictureServer;
let dir: string;
let options: ObtainOptions;

beforeEach(async () => {
  server = await startPictureServer();
  dir = await mkdtemp(path.join(tmpdir(), 'masthead-pictures-'));
  options = {
    publicDir: path.join(dir, 'public'),
    stagingDir: path.join(dir, 'staging'),
    siteUrl: server.origin,
    privateHosts: ['127.0.0.1'],
    fetchTimeoutMs: 2_000,
    maxBytes: 256 * 1024,
  };
});

afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const uploads = (name: string) => `${server.origin}/wp-content/uploads/2019/05/${name}`;
const item = (name: string) => {
  const url = uploads(name);
  return { url, sitePath: sitePathFor(url, server.origin) ?? `no path for ${url}` };
};

/** Every file under a folder, as paths relative to it. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('obtainPictures over HTTP: real pictures', () => {
  it('writes each format into staging under its site path, byte for byte, and nothing into public/', async () => {
    const names = ['a.jpg', 'a.png', 'a.gif', 'a.webp', 'a.avif'];
    const result = await obtainPictures(names.map(item), options);
    expect(result.failed).toEqual([]);
    expect(result.obtained).toEqual(names.map((name) => `/images/wordpress/2019/05/${name}`));
    for (const [name, fixture] of [
      ['a.jpg', 'red-8x6.jpg'],
      ['a.avif', 'red-8x6.avif'],
    ] as const) {
      expect(
        await readFile(path.join(options.stagingDir, 'images/wordpress/2019/05', name)),
      ).toEqual(pictureBytes(fixture));
    }
    expect(await filesUnder(options.publicDir)).toEqual([]);
    expect(await filesUnder(options.stagingDir)).toHaveLength(5);
  });

  it('follows a redirect, and trusts the bytes over a wrong Content-Type', async () => {
    const result = await obtainPictures([item('moved.jpg'), item('mislabelled.jpg')], options);
    expect(result.failed).toEqual([]);
    expect(result.obtained).toHaveLength(2);
  });

  it('fetches a picture named by several addresses once, and a second import fetches nothing', async () => {
    const sitePath = '/images/wordpress/2019/05/a.jpg';
    const items = [
      { url: uploads('a.jpg'), sitePath },
      { url: `${uploads('a.jpg')}?ver=2`, sitePath },
      { url: '/wp-content/uploads/2019/05/a.jpg', sitePath },
      item('a.png'),
    ];
    const first = await obtainPictures(items, options);
    expect(first.obtained).toEqual([sitePath, '/images/wordpress/2019/05/a.png']);
    expect(server.requests).toHaveLength(2);
    // The importer moves staging into place.
    await cp(options.stagingDir, options.publicDir, { recursive: true });
    await rm(options.stagingDir, { recursive: true });

    const second = await obtainPictures(items, options);
    expect(second).toMatchObject({
      obtained: [],
      present: [sitePath, '/images/wordpress/2019/05/a.png'],
      failed: [],
    });
    expect(server.requests).toHaveLength(2);
    expect(await filesUnder(options.stagingDir)).toEqual([]);
  });

  it('tries the next address of the same picture when one fails', async () => {
    const sitePath = '/images/wordpress/2019/05/a.jpg';
    const result = await obtainPictures(
      [
        { url: uploads('missing.jpg'), sitePath },
        { url: uploads('a.jpg'), sitePath },
      ],
      options,
    );
    expect(result).toMatchObject({ obtained: [sitePath], failed: [] });
  });

  it('fetches at most `concurrency` pictures at once', async () => {
    const items = Array.from({ length: 12 }, (_, i) => ({
      url: `${server.origin}/slow/${i}.jpg`,
      sitePath: `/images/wordpress/slow/${i}.jpg`,
    }));
    const result = await obtainPictures(items, { ...options, concurrency: 3 });
    expect(result.obtained).toHaveLength(12);
    expect(server.maxInFlight()).toBeLessThanOrEqual(3);
    expect(server.maxInFlight()).toBeGreaterThan(1);
  });
});

describe('obtainPictures over HTTP: hostile answers, each reported in words and nothing kept', () => {
  it.each([
    ['missing.jpg', 'the old site answered 404 Not Found: the picture is no longer there'],
    ['forbidden.jpg', 'the old site answered 403 Forbidden: it does not give this picture out'],
    ['server-error.jpg', 'the old site answered 500 Internal Server Error'],
    [
      'error-page.jpg',
      'the old site sent a web page instead of the picture (often an error or sign-in page)',
    ],
    ['drawing.png', /^it is an SVG drawing, which can carry scripts/],
    ['empty.jpg', 'the file is empty'],
    ['loop.jpg', 'it was redirected more than 3 times'],
    ['chain-1.jpg', 'it was redirected more than 3 times'],
    ['to-file.jpg', 'it was redirected to a file: address, which is refused'],
    ['to-ftp.jpg', 'it was redirected to a ftp: address, which is refused'],
    [
      'to-metadata.jpg',
      /^169\.254\.169\.254 is on a private network \(169\.254\.169\.254\), which an import does not reach/,
    ],
    ['to-localhost.jpg', /^localhost is on a private network \((127\.0\.0\.1|::1)\)/],
    ['huge-declared.jpg', 'it is 5.0 GB, larger than the limit of 256 KB'],
    ['huge.jpg', 'it is larger than the limit of 256 KB'],
    ['silent.jpg', 'it took longer than 0.5 s'],
    ['trickle.jpg', 'it took longer than 0.5 s'],
    ['reset.jpg', 'the connection was cut before the whole picture arrived'],
    ['reset-at-once.jpg', 'the connection was cut before the whole picture arrived'],
    ['gzip.jpg', 'the old site sent it compressed (gzip) though asked not to'],
  ])('%s', async (name, reason) => {
    const picture = item(name);
    const result = await obtainPictures([picture], { ...options, fetchTimeoutMs: 500 });
    expect(result.obtained).toEqual([]);
    expect(result.failed).toHaveLength(1);
    expect(result.failed[0]).toMatchObject({ url: picture.url, sitePath: picture.sitePath });
    expect(result.failed[0]?.reason).toEqual(
      typeof reason === 'string' ? reason : expect.stringMatching(reason),
    );
    // Nothing half-written is left where the importer would move it from.
    expect(await filesUnder(options.stagingDir)).toEqual([]);
  });

  it('stops reading a picture that never ends soon after the limit', async () => {
    await obtainPictures([item('huge.jpg')], options);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The server fills socket buffers before it sees the client gone; far less than it would send.
    expect(server.hugeBytesSent()).toBeLessThan(16 * 1024 * 1024);
  });

  it('never writes the server’s own words (its status text) into the report', async () => {
    const result = await obtainPictures([item('missing.jpg')], options);
    expect(result.failed[0]?.reason).not.toContain('Gone Fishing');
  });

  it('refuses the loopback server itself unless told it may reach it, without asking it anything', async () => {
    const result = await obtainPictures([item('a.jpg')], { ...options, privateHosts: [] });
    expect(result.failed[0]?.reason).toBe(
      '127.0.0.1 is on a private network (127.0.0.1), which an import does not reach: copy the pictures with --uploads instead',
    );
    expect(server.requests).toEqual([]);
  });

  it('refuses a private address by name after DNS, before connecting', async () => {
    const url = uploads('a.jpg').replace('127.0.0.1', 'localhost');
    const result = await obtainPictures([{ url, sitePath: '/images/wordpress/2019/05/a.jpg' }], {
      ...options,
      siteUrl: url,
    });
    expect(result.failed[0]?.reason).toMatch(/^localhost is on a private network/);
    expect(server.requests).toEqual([]);
  });

  it('refuses addresses that are not http or https, and site paths it would not make', async () => {
    const result = await obtainPictures(
      [
        { url: 'file:///etc/passwd', sitePath: '/images/wordpress/passwd.jpg' },
        { url: 'javascript:alert(1)', sitePath: '/images/wordpress/x.jpg' },
        { url: uploads('a.jpg'), sitePath: '/images/wordpress/../../../../etc/cron.d/x.jpg' },
        { url: uploads('a.jpg'), sitePath: '/../../outside.jpg' },
      ],
      options,
    );
    expect(result.failed.map((failure) => failure.reason)).toEqual([
      'its address is not an http or https address',
      'its address is not an http or https address',
      'its site path is not one the importer writes',
      'its site path is not one the importer writes',
    ]);
    expect(server.requests).toEqual([]);
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('fails a root-relative address when the export names no site to fetch it from', async () => {
    const result = await obtainPictures(
      [{ url: '/wp-content/uploads/2019/05/a.jpg', sitePath: '/images/wordpress/2019/05/a.jpg' }],
      { ...options, siteUrl: '' },
    );
    expect(result.failed[0]?.reason).toBe(
      'the export gives no address for the old site to fetch it from',
    );
  });

  it('reports every failed picture and still obtains the rest', async () => {
    const result = await obtainPictures(
      [item('a.jpg'), item('missing.jpg'), item('error-page.jpg'), item('a.png'), item('loop.jpg')],
      options,
    );
    expect(result.obtained).toEqual([
      '/images/wordpress/2019/05/a.jpg',
      '/images/wordpress/2019/05/a.png',
    ]);
    expect(result.failed.map((failure) => failure.sitePath).sort()).toEqual([
      '/images/wordpress/2019/05/error-page.jpg',
      '/images/wordpress/2019/05/loop.jpg',
      '/images/wordpress/2019/05/missing.jpg',
    ]);
  });
});
