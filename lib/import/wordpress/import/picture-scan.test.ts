import { items, readAll } from '@/test/support/wordpress-exports';
import { scanPictures } from './picture-scan';

describe('scanPictures', () => {
  it('finds picture addresses in attributes, srcset and text, and attachment ids in galleries and blocks', () => {
    const html = [
      '<img src="https://old.example/wp-content/uploads/2019/05/a.jpg" srcset="https://old.example/wp-content/uploads/2019/05/a-300x200.jpg 300w, //old.example/wp-content/uploads/2019/05/a-1024x683.jpg 1024w">',
      '<a href="/wp-content/uploads/2019/05/b.PNG?ver=2">b</a>',
      '[gallery ids="12, 13,14"]',
      '<!-- wp:image {"id":15,"sizeSlug":"large"} --><figure><img class="wp-image-16"></figure><!-- /wp:image -->',
      '<!-- wp:gallery {"ids":[17,18]} -->',
      'not a picture: https://old.example/file.pdf and /notes.txt',
    ].join('\n');
    const { urls, ids } = scanPictures(html);
    expect(urls).toEqual([
      'https://old.example/wp-content/uploads/2019/05/a.jpg',
      'https://old.example/wp-content/uploads/2019/05/a-300x200.jpg',
      '//old.example/wp-content/uploads/2019/05/a-1024x683.jpg',
      '/wp-content/uploads/2019/05/b.PNG?ver=2',
    ]);
    expect(ids.sort((a, b) => a - b)).toEqual([12, 13, 14, 15, 16, 17, 18]);
  });

  it('finds the pictures of the Theme Unit Test’s image block post', async () => {
    const all = items(await readAll('themeunittestdata.wordpress.xml'));
    const post = all.find((item) => item.postId === 1755);
    const { urls, ids } = scanPictures(post?.content ?? '');
    expect(ids.length).toBeGreaterThan(0);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url) => /\.(?:jpe?g|png|gif)(?:\?|$)/i.test(url))).toBe(true);
  });
});
