import { robotsTxt } from '@/lib/seo/robots';
import { siteConfig } from '@/lib/site';

export const dynamic = 'force-static';

export function GET() {
  return new Response(robotsTxt(siteConfig.url), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
}
