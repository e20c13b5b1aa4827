// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // bench/weight.mjs reads the maps to tell Next's runtime from our code in each chunk
  // (docs/decisions/007-page-weight.md). Browsers fetch them only when devtools are open.
  productionBrowserSourceMaps: true,
  reactStrictMode: true,
  images: {
    formats: ['image/avif', 'image/webp'],
  },
};

export default nextConfig;
