import { checkHealth } from '@/lib/cluster/health';

export const dynamic = 'force-dynamic';

/** For the container's HEALTHCHECK and the proxy: 200 when this instance can do its work. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, {
    status: health.ok ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
