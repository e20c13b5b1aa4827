import { robotsTxt } from './robots';

describe('robots.txt', () => {
  it('keeps robots out of moderation and reply pages and names both sitemaps', () => {
    const lines = robotsTxt('https://news.example').split('\n');
    expect(lines).toEqual(expect.arrayContaining(['User-Agent: *', 'Disallow: /admin/']));
    expect(lines).toContain('Disallow: /comments/');
    expect(lines).toContain('Sitemap: https://news.example/sitemap.xml');
    expect(lines).toContain('Sitemap: https://news.example/news-sitemap.xml');
  });
});
