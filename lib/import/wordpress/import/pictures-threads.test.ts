import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pictureBytes } from '@/test/support/picture-server';
import { treeHashes } from '@/test/support/wordpress-site';
import type { ObtainOptions, PictureItem } from '../pictures/obtain';
import { sitePathFor } from '../pictures/site-path';
import { obtainInThreads } from './pictures-threads';

/**
 * Pictures copied from an uploads copy on several threads come out as on one: the same
 * pictures staged, the same failures in the same order, the same hashes. The copy holds what
 * an import meets: pictures in several formats, a page saved as .jpg, a folder named like a
 * picture, a link out of the copy, a missing file, and one picture named by two addresses.
 */
const SITE = 'https://news.example.org';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'masthead-pictures-threads-'));
  const month = path.join(dir, 'uploads', '2019', '05');
  await mkdir(month, { recursive: true });
  for (let n = 0; n < 40; n += 1) {
    const format = ['jpg', 'png', 'gif', 'webp'][n % 4] ?? 'jpg';
    await writeFile(path.join(month, `p${n}.${format}`), pictureBytes(`red-8x6.${format}`));
  }
  await writeFile(path.join(month, 'page.jpg'), '<!DOCTYPE html><html><body>not a picture');
  await mkdir(path.join(month, 'folder.jpg'));
  await writeFile(path.join(dir, 'secret.jpg'), pictureBytes('red-8x6.jpg'));
  await symlink(path.join(dir, 'secret.jpg'), path.join(month, 'link-out.jpg'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function items(): PictureItem[] {
  const names = [
    ...Array.from({ length: 40 }, (_, n) => `p${n}.${['jpg', 'png', 'gif', 'webp'][n % 4]}`),
  ];
  names.splice(7, 0, 'page.jpg');
  names.splice(19, 0, 'folder.jpg', 'missing.jpg');
  names.splice(30, 0, 'link-out.jpg');
  const urls = names.map((name) => `${SITE}/wp-content/uploads/2019/05/${name}`);
  // The same picture by another spelling, named far from the first: one site path, one copy.
  urls.push(`http://news.example.org/wp-content/uploads/2019/05/p3.png?ver=2`);
  return urls.flatMap((url) => {
    const sitePath = sitePathFor(url, SITE);
    return sitePath ? [{ url, sitePath }] : [];
  });
}

async function obtained(threads: number) {
  const stage = path.join(dir, `stage-${threads}`);
  const options: ObtainOptions = {
    uploadsDir: path.join(dir, 'uploads'),
    publicDir: path.join(dir, 'public'),
    stagingDir: stage,
    siteUrl: SITE,
  };
  const result = await obtainInThreads(items(), options, threads);
  return { result, files: treeHashes(stage) };
}

describe('copying pictures on threads', { timeout: 60_000 }, () => {
  it('stages the same pictures and reports the same failures, in the same order', async () => {
    const one = await obtained(1);
    const three = await obtained(3);
    expect(one.result.obtained).toHaveLength(40);
    const failed = one.result.failed.map((failure) => failure.url.split('/').pop());
    expect(failed.slice(0, 4)).toEqual(['page.jpg', 'folder.jpg', 'missing.jpg', 'link-out.jpg']);
    expect(three.result).toEqual(one.result);
    expect(three.files).toEqual(one.files);
  });
});
