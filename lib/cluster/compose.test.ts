// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * Docker is not here to run compose.yaml, so what the operators' layout promises is held here
 * (docs/operations.md, docs/decisions/020): a regression in the file fails this test.
 */
const root = path.resolve(import.meta.dirname, '..', '..');
type Service = {
  command?: string | string[];
  environment?: Record<string, string>;
  volumes?: string[];
  networks?: string[];
  user?: string;
  ports?: string[];
};
type Compose = {
  services: Record<string, Service>;
  networks: Record<string, { internal?: boolean } | null>;
};
const compose = parse(readFileSync(path.join(root, 'compose.yaml'), 'utf8'), {
  merge: true,
}) as Compose;
const { services } = compose;
const service = (name: string): Service => {
  const found = services[name];
  if (!found) throw new Error(`no service ${name} in compose.yaml`);
  return found;
};
const APPS = ['app1', 'app2'];

/** What docker compose does with `${NAME:?message}` and `${NAME:-default}`, for one name. */
const interpolate = (text: string, values: Record<string, string>) =>
  text.replace(/\$\{(\w+)(?::[?-][^}]*)?\}/g, (_, name: string) => values[name] ?? '');

describe('compose.yaml', () => {
  it('runs Redis with a password from the environment, which every instance logs in with', () => {
    const command = service('redis').command;
    expect(Array.isArray(command)).toBe(true);
    const args = command as string[];
    const at = args.indexOf('--requirepass');
    expect(at).toBeGreaterThan(0);
    expect(args[at + 1]).toMatch(/^\$\{REDIS_PASSWORD:\?/);
    for (const app of APPS) {
      const url = new URL(
        interpolate(service(app).environment?.REDIS_URL ?? '', { REDIS_PASSWORD: 'abc123' }),
      );
      expect([url.username, url.password, url.hostname]).toEqual(['default', 'abc123', 'redis']);
    }
    // Its health check fails on NOAUTH, which redis-cli answers with exit code 0.
    expect(JSON.stringify(service('redis'))).toMatch(/grep -q PONG/);
  });

  it('keeps PostgreSQL and Redis on a network with no way out that nginx is not on', () => {
    expect(compose.networks.backend?.internal).toBe(true);
    expect(service('redis').networks).toEqual(['backend']);
    expect(service('postgres').networks).toEqual(['backend']);
    expect(service('nginx').networks).toEqual(['edge']);
    for (const app of APPS) expect(service(app).networks?.sort()).toEqual(['backend', 'edge']);
    // Only nginx is published on the host.
    const published = Object.entries(services).filter(([, s]) => s.ports?.length);
    expect(published.map(([name]) => name)).toEqual(['nginx']);
  });

  it('gives the instances the content volume read-only, and the publisher (not root) writes it', () => {
    for (const app of APPS) {
      const content = service(app).volumes?.find((v) => v.startsWith('content:'));
      expect(content).toMatch(/:ro$/);
    }
    const publisher = service('publisher');
    expect(publisher.volumes).toContain('content:/app/.masthead/content');
    expect(publisher.user).toMatch(/^[1-9]\d*(:\d+)?$/);
    // The uid the Dockerfile gives its user in the stage the builder (the publisher) comes from.
    const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const base = dockerfile.slice(0, dockerfile.indexOf('AS deps'));
    const uid = publisher.user?.split(':')[0];
    expect(base).toMatch(new RegExp(`useradd[^\\n]*--uid ${uid}\\b`));
    expect(dockerfile).toMatch(/FROM base AS builder/);
  });

  it('passes ADMIN_ORIGIN and PUBLISH_REPOSITORY through to the instances', () => {
    for (const app of APPS) {
      expect(service(app).environment).toMatchObject({
        ADMIN_ORIGIN: '${ADMIN_ORIGIN:-}',
        PUBLISH_REPOSITORY: '${PUBLISH_REPOSITORY:-}',
      });
    }
  });
});
