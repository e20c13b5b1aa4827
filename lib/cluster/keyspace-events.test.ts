// @vitest-environment node
import { createClient } from 'redis';
import { privateRedis, privateRedisUnavailable } from '../../test/support/private-redis.mjs';
import { databaseOf, ensureKeyspaceEvents, missingFlags } from './keyspace-events';
import type { Redis } from './redis';

const unavailable = privateRedisUnavailable();

describe('missingFlags', () => {
  it('asks for keyevents of expired and evicted keys, keeping what is there', () => {
    expect(missingFlags('')).toBe('Exe');
    expect(missingFlags('Exe')).toBe('');
    expect(missingFlags('xeE')).toBe('');
    expect(missingFlags('AE')).toBe('');
    expect(missingFlags('AKE')).toBe('');
    expect(missingFlags('A')).toBe('E');
    expect(missingFlags('Kx')).toBe('Ee');
    expect(missingFlags('Kg$')).toBe('Exe');
  });

  it('reads the database a URL selects, 0 when none or garbage', () => {
    expect(databaseOf('redis://127.0.0.1:6379')).toBe(0);
    expect(databaseOf('redis://:pw@127.0.0.1:6379/3')).toBe(3);
    expect(databaseOf('redis://127.0.0.1:6379/x')).toBe(0);
  });
});

describe.skipIf(unavailable)('ensureKeyspaceEvents against a real redis-server', () => {
  const servers: Awaited<ReturnType<typeof privateRedis>>[] = [];
  const clients: Redis[] = [];

  async function connect(options: Parameters<typeof privateRedis>[1]) {
    const server = await privateRedis(undefined, options);
    servers.push(server);
    const client: Redis = createClient({ url: server.url });
    client.on('error', () => {});
    await client.connect();
    clients.push(client);
    return { server, client };
  }
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.disconnect().catch(() => {})));
    await Promise.all(servers.splice(0).map((s) => s.destroy()));
  });

  it('sets the flags on a stock server, merged with those it has', async () => {
    const { client } = await connect({ stock: true, args: ['--notify-keyspace-events', 'K$'] });
    const result = await ensureKeyspaceEvents(client, 0);
    expect(result).toMatchObject({ ok: true, changed: expect.stringMatching(/notify-keyspace/) });
    const now = (await client.configGet('notify-keyspace-events'))['notify-keyspace-events'];
    expect(missingFlags(now ?? '')).toBe('');
    expect(now).toMatch(/K/);
    expect(now).toMatch(/\$/);
    // Twice is nothing new.
    expect(await ensureKeyspaceEvents(client, 0)).toEqual({ ok: true });
  });

  it('refuses, naming the setting, where CONFIG is renamed away and no events come', async () => {
    const { client } = await connect({ stock: true, args: ['--rename-command', 'CONFIG', '""'] });
    const started = Date.now();
    const result = await ensureKeyspaceEvents(client, 0);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problem).toMatch(/notify-keyspace-events/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('accepts a server whose CONFIG is renamed away but which sends the events', async () => {
    const { client } = await connect({
      stock: true,
      args: ['--rename-command', 'CONFIG', '""', '--notify-keyspace-events', 'Exe'],
    });
    expect(await ensureKeyspaceEvents(client, 0)).toEqual({ ok: true });
  });

  it('refuses, naming the setting, when an ACL denies CONFIG SET', async () => {
    const { server } = await connect({ stock: true });
    server.cli('ACL', 'SETUSER', 'app', 'on', '>app-password', '~*', '&*', '+@all', '-config');
    const app: Redis = createClient({
      url: server.url.replace('redis://', 'redis://app:app-password@'),
    });
    app.on('error', () => {});
    await app.connect();
    clients.push(app);
    const result = await ensureKeyspaceEvents(app, 0);
    expect(result.ok ? '' : result.problem).toMatch(/notify-keyspace-events/);
  });
});
