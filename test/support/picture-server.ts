import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** The small real pictures in test/fixtures/pictures, by name. */
export const PICTURES = path.join(import.meta.dirname, '../fixtures/pictures');
export const pictureBytes = (name: string) => readFileSync(path.join(PICTURES, name));

type Route = (request: IncomingMessage, response: ServerResponse) => void;

export type PictureServer = {
  /** `http://127.0.0.1:<port>`: the old site's address. */
  origin: string;
  /** Every path asked for, in order. */
  requests: string[];
  /** The most requests the server was answering at once. */
  maxInFlight: () => number;
  /** Bytes the huge picture had sent when its client went away. */
  hugeBytesSent: () => number;
  close: () => Promise<void>;
};

const JPEG = pictureBytes('red-8x6.jpg');

const send =
  (type: string, body: Buffer | string) => (_: IncomingMessage, response: ServerResponse) => {
    response.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    response.end(body);
  };

const redirect =
  (location: string, status = 302) =>
  (_: IncomingMessage, response: ServerResponse) => {
    response.writeHead(status, { location });
    response.end();
  };

/**
 * A stand-in for an old WordPress site on loopback: real picture bytes under wp-content/uploads,
 * and each way a server can answer badly (huge, slow, silent, wrong type, redirect loops and
 * redirects off the web, missing, reset). Routes under /slow/ wait `delayMs` first, so a test
 * can see how many requests run at once.
 */
export async function startPictureServer(delayMs = 40): Promise<PictureServer> {
  const requests: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let hugeSent = 0;
  const uploads = '/wp-content/uploads/2019/05';
  const routes = new Map<string, Route>([
    [`${uploads}/a.jpg`, send('image/jpeg', JPEG)],
    [`${uploads}/a.png`, send('image/png', pictureBytes('red-8x6.png'))],
    [`${uploads}/a.gif`, send('image/gif', pictureBytes('red-8x6.gif'))],
    [`${uploads}/a.webp`, send('image/webp', pictureBytes('red-8x6.webp'))],
    [`${uploads}/a.avif`, send('image/avif', pictureBytes('red-8x6.avif'))],
    // A picture whose server says it is something else: the bytes decide.
    [`${uploads}/mislabelled.jpg`, send('text/plain', JPEG)],
    [
      `${uploads}/error-page.jpg`,
      send(
        'text/html',
        '<!DOCTYPE html><html><head><title>Error</title></head><body>Database error</body></html>',
      ),
    ],
    [
      `${uploads}/drawing.png`,
      send(
        'image/svg+xml',
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>',
      ),
    ],
    [`${uploads}/empty.jpg`, send('image/jpeg', Buffer.alloc(0))],
    [`${uploads}/moved.jpg`, redirect(`${uploads}/a.jpg`, 301)],
    [`${uploads}/loop.jpg`, redirect(`${uploads}/loop.jpg`)],
    [`${uploads}/chain-1.jpg`, redirect(`${uploads}/chain-2.jpg`)],
    [`${uploads}/chain-2.jpg`, redirect(`${uploads}/chain-3.jpg`)],
    [`${uploads}/chain-3.jpg`, redirect(`${uploads}/chain-4.jpg`)],
    [`${uploads}/chain-4.jpg`, redirect(`${uploads}/a.jpg`)],
    [`${uploads}/to-file.jpg`, redirect('file:///etc/passwd')],
    [`${uploads}/to-ftp.jpg`, redirect('ftp://127.0.0.1/a.jpg')],
    // Another name for this machine, which the import was not told it may reach.
    [
      `${uploads}/to-localhost.jpg`,
      (request, response) =>
        redirect(`http://localhost:${request.socket.localPort}${uploads}/a.jpg`)(request, response),
    ],
    [`${uploads}/to-metadata.jpg`, redirect('http://169.254.169.254/latest/meta-data/')],
    [
      `${uploads}/missing.jpg`,
      (_, response) =>
        response.writeHead(404, 'Gone Fishing <script>').end('<html>not found</html>'),
    ],
    [`${uploads}/forbidden.jpg`, (_, response) => response.writeHead(403).end()],
    [`${uploads}/server-error.jpg`, (_, response) => response.writeHead(500).end()],
    [
      `${uploads}/huge.jpg`,
      (_, response) => {
        // A real JPEG's start, then more bytes for as long as anyone reads.
        response.writeHead(200, { 'content-type': 'image/jpeg' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const more = () => {
          let ok = true;
          while (ok && !response.destroyed) {
            ok = response.write(hugeSent === 0 ? JPEG : chunk);
            hugeSent += hugeSent === 0 ? JPEG.length : chunk.length;
          }
        };
        response.on('drain', more);
        more();
      },
    ],
    [
      `${uploads}/huge-declared.jpg`,
      (_, response) => {
        response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': 5 * 1024 ** 3 });
        response.write(JPEG);
      },
    ],
    [
      `${uploads}/trickle.jpg`,
      (_, response) => {
        response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': JPEG.length });
        let at = 0;
        const timer = setInterval(() => {
          if (response.destroyed || at >= JPEG.length) return clearInterval(timer);
          response.write(JPEG.subarray(at, at + 1));
          at += 1;
        }, 100);
      },
    ],
    [`${uploads}/silent.jpg`, () => undefined],
    [
      `${uploads}/reset.jpg`,
      (request, response) => {
        response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': JPEG.length });
        response.write(JPEG.subarray(0, 100));
        setTimeout(() => request.socket.destroy(), 20);
      },
    ],
    [`${uploads}/reset-at-once.jpg`, (request) => request.socket.resetAndDestroy()],
    [
      `${uploads}/gzip.jpg`,
      (_, response) => {
        response.writeHead(200, { 'content-type': 'image/jpeg', 'content-encoding': 'gzip' });
        response.end(Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]));
      },
    ],
  ]);

  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push(pathname);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on('close', () => (inFlight -= 1));
    const slow = pathname.startsWith('/slow/');
    const route = slow ? send('image/jpeg', JPEG) : routes.get(pathname);
    const answer = () => (route ? route(request, response) : response.writeHead(404).end());
    if (slow) setTimeout(answer, delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    maxInFlight: () => maxInFlight,
    hugeBytesSent: () => hugeSent,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
