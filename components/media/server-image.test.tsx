import { renderToStaticMarkup } from 'react-dom/server';
import { ServerImage } from './server-image';

describe('ServerImage', () => {
  it('writes the <img> next/image would, optimised sources and sizes included', () => {
    const html = renderToStaticMarkup(
      <ServerImage src="/images/talks.jpg" alt="Delegates at the table" fill sizes="100vw" />,
    );
    expect(html).toMatch(/^<img [^>]*\/>$/);
    expect(html).toContain('alt="Delegates at the table"');
    expect(html).toContain('loading="lazy"');
    expect(html).toMatch(
      /srcSet="\/_next\/image\?url=%2Fimages%2Ftalks\.jpg&amp;w=640&amp;q=75 640w, /,
    );
    expect(html).toContain('sizes="100vw"');
  });

  it('fetches the picture that is likely the largest paint first', () => {
    const html = renderToStaticMarkup(
      <ServerImage
        src="/images/talks.jpg"
        alt=""
        fill
        sizes="100vw"
        loading="eager"
        fetchPriority="high"
      />,
    );
    expect(html).toContain('loading="eager"');
    expect(html).toMatch(/fetchPriority="high"/i);
    expect(html).toContain('alt=""');
  });
});
