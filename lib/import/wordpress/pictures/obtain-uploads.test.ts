import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pictureBytes } from '@/test/support/picture-server';
import { obtainPictures, type ObtainOptions } from './obtain';
import { sitePathFor } from './site-path';

/**
 * Pictures copied from a copy of wp-content/uploads (--uploads), in a real folder tree with a
 * file outside it that hostile addresses and links try to reach.
 */
const SITE = 'https://news.example.org';
const JPEG = pictureBytes('red-8x6.jpg');
const PNG = pictureBytes('red-8x6.png');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let dir: string;
let uploads: string;
let options: ObtainOptions;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'masthead-uploads-'));
  uploads = path.join(dir, 'uploads');
  await mkdir(path.join(uploads, '2019/05'), { recursive: true });
  await mkdir(path.join(dir, 'outside'));
  await writeFile(path.join(uploads, '2019/05/a.jpg'), JPEG);
  await writeFile(path.join(uploads, '2019/05/a-300x200.png'), PNG);
  // A Mac keeps names decomposed: "café" as e + combining acute accent.
  await writeFile(path.join(uploads, '2019/05', 'cafe\u0301.jpg'), JPEG);
  await writeFile(
    path.join(uploads, '2019/05/page.jpg'),
    '<!DOCTYPE html><html><body>not a picture</body></html>',
  );
  await mkdir(path.join(uploads, '2019/05/folder.jpg'));
  // Real picture bytes outside the copy: only the path checks keep them out, not the sniffing.
  await writeFile(path.join(dir, 'secret.jpg'), JPEG);
  await writeFile(path.join(dir, 'outside/b.jpg'), JPEG);
  await symlink(path.join(dir, 'secret.jpg'), path.join(uploads, '2019/05/link-out.jpg'));
  await symlink('../../../secret.jpg', path.join(uploads, '2019/05/relative-link-out.jpg'));
  await symlink(path.join(dir, 'outside'), path.join(uploads, 'linked-folder'));
  await symlink('a.jpg', path.join(uploads, '2019/05/link-in.jpg'));
  options = {
    uploadsDir: uploads,
    publicDir: path.join(dir, 'public'),
    stagingDir: path.join(dir, 'staging'),
    siteUrl: SITE,
  };
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const url = (rest: string) => `${SITE}/wp-content/uploads/${rest}`;
const item = (rest: string) => ({
  url: url(rest),
  sitePath: sitePathFor(url(rest), SITE) ?? 'none',
});
const staged = (sitePath: string) => readFile(path.join(options.stagingDir, sitePath));

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

const moveStagingIntoPublic = async () => {
  await cp(options.stagingDir, options.publicDir, { recursive: true });
  await rm(options.stagingDir, { recursive: true });
};

describe('obtainPictures --uploads', () => {
  it('copies pictures into staging under their site paths, byte for byte', async () => {
    const items = [
      item('2019/05/a.jpg'),
      item('2019/05/a-300x200.png'),
      item('2019/05/caf%C3%A9.jpg'),
    ];
    const result = await obtainPictures(items, options);
    expect(result.failed).toEqual([]);
    expect(result.obtained).toEqual(items.map((i) => i.sitePath));
    expect(await staged('/images/wordpress/2019/05/a.jpg')).toEqual(JPEG);
    expect(await staged('/images/wordpress/2019/05/a-300x200.png')).toEqual(PNG);
    expect(result.sha256.get('/images/wordpress/2019/05/a.jpg')).toBe(sha256(JPEG));
    expect(await filesUnder(options.publicDir)).toEqual([]);
  });

  it('follows a link that stays inside the copy', async () => {
    const result = await obtainPictures([item('2019/05/link-in.jpg')], options);
    expect(result).toMatchObject({
      obtained: ['/images/wordpress/2019/05/link-in.jpg'],
      failed: [],
    });
  });

  it.each([
    [
      'an absolute link out of the copy',
      '2019/05/link-out.jpg',
      /a link to a file outside the copy/,
    ],
    [
      'a relative link out of the copy',
      '2019/05/relative-link-out.jpg',
      /a link to a file outside the copy/,
    ],
    ['a folder linked from outside', 'linked-folder/b.jpg', /a link to a file outside the copy/],
    [
      'an encoded ../ climbing out',
      '2019/..%2F..%2F..%2Fsecret.jpg',
      /leads outside the uploads copy/,
    ],
    ['an encoded ../ as a whole segment', '..%2Fsecret.jpg', /leads outside the uploads copy/],
    ['an encoded backslash climb', '..%5C..%5Csecret.jpg', /leads outside the uploads copy/],
    ['an encoded NUL', 'a.jpg%00.png', /leads outside the uploads copy/],
    [
      'a file that is not there',
      '2019/05/missing.jpg',
      /^the uploads copy has no file 2019\/05\/missing\.jpg$/,
    ],
    ['a web page named .jpg', '2019/05/page.jpg', /web page instead of the picture/],
    ['a folder named .jpg', '2019/05/folder.jpg', /^in the uploads copy it is not a file$/],
  ])('refuses %s', async (_what, rest, reason) => {
    const picture = item(rest);
    expect(picture.sitePath).toMatch(/^\/images\/wordpress\//);
    const result = await obtainPictures([picture], options);
    expect(result.obtained).toEqual([]);
    expect(result.failed).toEqual([{ ...picture, reason: expect.stringMatching(reason) }]);
    expect(await filesUnder(options.stagingDir)).toEqual([]);
  });

  it('refuses even a site path and URL no sitePathFor would pair, reading nothing outside', async () => {
    const result = await obtainPictures(
      [
        {
          url: `${SITE}/wp-content/uploads/..%2f..%2fsecret.jpg`,
          sitePath: '/images/wordpress/secret.jpg',
        },
      ],
      options,
    );
    expect(result.failed[0]?.reason).toBe(
      'its address leads outside the uploads copy, which an import never reads',
    );
  });

  it('names control and bidi characters in a missing file as codes, not as themselves', async () => {
    const result = await obtainPictures([item('2019/05/x%E2%80%AEgpj.jpg')], options);
    expect(result.failed[0]?.reason).toBe('the uploads copy has no file 2019/05/x<U+202E>gpj.jpg');
  });

  it('refuses a file larger than the limit without reading it', async () => {
    await writeFile(
      path.join(uploads, '2019/05/big.jpg'),
      Buffer.concat([JPEG, Buffer.alloc(4096)]),
    );
    const result = await obtainPictures([item('2019/05/big.jpg')], { ...options, maxBytes: 1024 });
    expect(result.failed[0]?.reason).toBe('it is 4 KB, larger than the limit of 1 KB');
  });

  it('says which folder is missing when --uploads names none', async () => {
    await expect(
      obtainPictures([item('2019/05/a.jpg')], { ...options, uploadsDir: path.join(dir, 'nope') }),
    ).rejects.toThrow(
      /^--uploads .*nope: no such folder \(give the copy of wp-content\/uploads\)$/,
    );
  });
});

describe('obtainPictures --uploads, run again', () => {
  const A = '/images/wordpress/2019/05/a.jpg';

  it('changes nothing when public/ already has the same pictures', async () => {
    const first = await obtainPictures([item('2019/05/a.jpg')], options);
    await moveStagingIntoPublic();
    const second = await obtainPictures([item('2019/05/a.jpg')], {
      ...options,
      previous: first.sha256,
    });
    expect(second).toMatchObject({ obtained: [], present: [A], kept: [], failed: [] });
    expect(second.sha256.get(A)).toBe(sha256(JPEG));
    expect(await filesUnder(options.stagingDir)).toEqual([]);
  });

  it('updates a picture the old site changed, when the last import wrote the one in public/', async () => {
    const first = await obtainPictures([item('2019/05/a.jpg')], options);
    await moveStagingIntoPublic();
    await writeFile(path.join(uploads, '2019/05/a.jpg'), pictureBytes('red-8x6.webp'));
    const second = await obtainPictures([item('2019/05/a.jpg')], {
      ...options,
      previous: first.sha256,
    });
    expect(second).toMatchObject({ obtained: [A], present: [], kept: [] });
    expect(await staged(A)).toEqual(pictureBytes('red-8x6.webp'));
  });

  it('tells a picture changed on the old site from the one in public/ even at the same size', async () => {
    const first = await obtainPictures([item('2019/05/a.jpg')], options);
    await moveStagingIntoPublic();
    const changed = Buffer.from(JPEG);
    changed[changed.length - 3] = (changed[changed.length - 3] ?? 0) ^ 0xff;
    await writeFile(path.join(uploads, '2019/05/a.jpg'), changed);
    const second = await obtainPictures([item('2019/05/a.jpg')], {
      ...options,
      previous: first.sha256,
    });
    expect(second).toMatchObject({ obtained: [A], present: [], kept: [] });
    expect(await staged(A)).toEqual(changed);
  });

  it('keeps a picture an editor replaced in public/, unless forced', async () => {
    const first = await obtainPictures([item('2019/05/a.jpg')], options);
    await moveStagingIntoPublic();
    await writeFile(path.join(options.publicDir, A), PNG);
    const kept = await obtainPictures([item('2019/05/a.jpg')], {
      ...options,
      previous: first.sha256,
    });
    expect(kept).toMatchObject({ obtained: [], present: [] });
    expect(kept.kept).toEqual([
      {
        sitePath: A,
        reason:
          'public/images/wordpress/2019/05/a.jpg differs from the old site’s picture and was not written by the last import (an editor’s change?): left as it is; --force replaces it',
      },
    ]);
    expect(await filesUnder(options.stagingDir)).toEqual([]);

    const forced = await obtainPictures([item('2019/05/a.jpg')], { ...options, force: true });
    expect(forced.obtained).toEqual([A]);
    expect(await staged(A)).toEqual(JPEG);
  });

  it('leaves a link planted at a picture’s place in public/ alone', async () => {
    await mkdir(path.join(options.publicDir, 'images/wordpress/2019/05'), { recursive: true });
    await symlink(path.join(dir, 'secret.jpg'), path.join(options.publicDir, A));
    const result = await obtainPictures([item('2019/05/a.jpg')], options);
    expect(result.kept).toEqual([
      {
        sitePath: A,
        reason:
          'public/images/wordpress/2019/05/a.jpg is a link or a folder, not a picture file: left as it is',
      },
    ]);
  });
});
