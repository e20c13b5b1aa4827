import { getImageProps, type ImageProps } from 'next/image';

/**
 * A picture as next/image would render it (the same optimised sources, sizes and lazy loading),
 * written by the server as a plain <img>: next/image's own component is a client component, and
 * each one is hydrated and carried in the page's data for nothing a reader sees (issue 20,
 * decision 029). What it does after loading (a blur placeholder, onLoad) we do not use.
 */
export function ServerImage(props: Omit<ImageProps, 'onLoad' | 'onError' | 'placeholder'>) {
  const { props: img } = getImageProps(props);
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- alt is in img: getImageProps passes it through
  return <img {...img} />;
}
