import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small HTTP server that answers comment-check the way Akismet does: "true" for spam, "false"
 * for ham, "invalid" for a bad key. It decides from the comment text, so tests choose the verdict
 * by what they write ("spam", "slow" to answer after the timeout, "down" to fail).
 */
export type FakeAkismet = {
  endpoint: string;
  requests: URLSearchParams[];
  close: () => Promise<void>;
};

export async function startFakeAkismet(apiKey = 'test-key'): Promise<FakeAkismet> {
  const requests: URLSearchParams[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const form = new URLSearchParams(raw);
      requests.push(form);
      const content = form.get('comment_content') ?? '';
      if (form.get('api_key') !== apiKey) return void res.end('invalid');
      if (content.includes('down')) return void res.writeHead(500).end('error');
      if (content.includes('slow')) return void setTimeout(() => res.end('false'), 4_000);
      res.setHeader('content-type', 'text/plain');
      res.end(content.includes('spam') ? 'true' : 'false');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/1.1/comment-check`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
