import type { BodyContext } from './types';

/**
 * For tests: a site at old.example whose uploads come across under /images/wordpress/, with two
 * attachments (a cat with a caption, a dog without) attached to the post being converted.
 */
export const OLD_SITE = 'https://old.example';

export function testContext(overrides: Partial<BodyContext> = {}): BodyContext {
  return {
    attachments: new Map([
      [
        10,
        {
          url: `${OLD_SITE}/wp-content/uploads/2019/05/cat.jpg`,
          alt: 'A cat on a wall',
          caption: 'The <em>cat</em>, at noon',
          title: 'cat',
        },
      ],
      [
        11,
        {
          url: `${OLD_SITE}/wp-content/uploads/2019/05/dog.jpg`,
          alt: 'A dog',
          caption: '',
          title: 'dog',
        },
      ],
    ]),
    picturePath: (url) => {
      const upload = /^https:\/\/old\.example\/wp-content\/uploads\/(.+)$/.exec(url);
      return upload ? `/images/wordpress/${upload[1]}` : null;
    },
    siteUrl: OLD_SITE,
    attached: [11, 10],
    ...overrides,
  };
}
