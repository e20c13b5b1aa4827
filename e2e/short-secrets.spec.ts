import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { E2E_BUILD } from '../playwright.config';
import { expect, test } from './test';

/**
 * A second server, on this build, whose ADMIN_PASSWORD and PREVIEW_SECRET are too short: it must
 * say so as it starts, and keep both areas off.
 */
test('secrets under 12 characters keep admin and preview off, and the server says so', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const port = Number(new URL(String(test.info().project.use.baseURL)).port) + 100;
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    [
      createRequire(import.meta.url).resolve('next/dist/bin/next'),
      'start',
      '-p',
      String(port),
      '-H',
      '127.0.0.1',
    ],
    {
      // The e2e run's copy of the build (the checkout's when a running server was reused), so
      // the pages and the key this server writes never reach the main build.
      cwd: existsSync(E2E_BUILD) ? E2E_BUILD : undefined,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        ADMIN_PASSWORD: 'hunter2',
        PREVIEW_SECRET: 'letmein',
        COMMENTS_DB: path.join(tmpdir(), `masthead-e2e-${port}.sqlite`),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await expect
      .poll(async () => (await request.get(`${base}/robots.txt`).catch(() => null))?.status(), {
        timeout: 60_000,
      })
      .toBe(200);
    expect(output).toContain(
      'Masthead: ADMIN_PASSWORD has 7 characters; it needs at least 12, so the admin area stays off.',
    );
    expect(output).toContain(
      'Masthead: PREVIEW_SECRET has 7 characters; it needs at least 12, so preview stays off.',
    );

    await page.goto(`${base}/admin/comments`);
    await expect(page.getByRole('status')).toHaveText(
      'The admin area is off: ADMIN_PASSWORD is shorter than 12 characters. Set a longer one and restart the server.',
    );
    await expect(page.getByLabel('Password')).toHaveCount(0);

    const preview = await request.post(`${base}/api/preview`, {
      form: { secret: 'letmein', path: '/' },
      maxRedirects: 0,
    });
    expect(preview.status()).toBe(404);
    expect(await preview.text()).toBe(
      'Preview is off: PREVIEW_SECRET must be at least 12 characters.\n',
    );
    await page.goto(`${base}/admin/preview`);
    await expect(page.getByRole('status')).toContainText('shorter than 12 characters');
    await expect(page.getByLabel('Preview secret')).toHaveCount(0);
  } finally {
    process.kill(-server.pid!, 'SIGTERM');
  }
});
