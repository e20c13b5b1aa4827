// A small ad server for the ads check (test/checks/ads.mjs), on loopback only: a script that
// keeps Masthead's provider contract (lib/ads/contract.ts) and creatives that arrive late, and a
// log of every request it was sent (GET /__requests, POST /__reset), so a test can say nothing
// reached it before consent.
import { createServer } from 'node:http';

/** The provider script: fills each slot it is handed with a creative of the slot's own size. */
const script = (origin, delayMs) => `(function () {
  var api = window.mastheadAds;
  if (!api || api.version !== 1) return;
  api.provide(function (slot) {
    setTimeout(function () {
      var img = document.createElement('img');
      img.src = '${origin}/creative/' + slot.width + 'x' + slot.height + '.svg?slot=' + encodeURIComponent(slot.id);
      img.width = slot.width;
      img.height = slot.height;
      img.alt = 'Fake advertiser: ' + slot.placement;
      img.setAttribute('data-fake-creative', slot.id);
      slot.element.appendChild(img);
    }, ${delayMs});
  });
})();
`;

const creative = (width, height) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#1f6f8b"/><text x="50%" y="50%" fill="#fff" font-family="sans-serif" font-size="16" text-anchor="middle" dominant-baseline="middle">Fake ad ${width}x${height}</text></svg>`;

/**
 * @param {{ port?: number; delayMs?: number }} [options]
 * @returns {Promise<{ origin: string; requests: string[]; close: () => Promise<void> }>}
 */
export async function startFakeAdServer({ port = 0, delayMs = 1500 } = {}) {
  const requests = [];
  let origin = '';
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    // The tests' own controls: what was asked so far, and a clean slate.
    if (url.pathname === '/__requests') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(requests));
      return;
    }
    if (url.pathname === '/__reset') {
      requests.length = 0;
      res.writeHead(204).end();
      return;
    }
    requests.push(req.url ?? '');
    if (url.pathname === '/masthead.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(script(origin, delayMs));
      return;
    }
    const match = /^\/creative\/(\d+)x(\d+)\.svg$/.exec(url.pathname);
    if (match) {
      res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' });
      res.end(creative(Number(match[1]), Number(match[2])));
      return;
    }
    res.writeHead(404).end();
  });
  // A port taken since it was chosen (the ads check builds one into a policy, then listens on
  // it again) rejects, for the check to say so, rather than end the process.
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    origin,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
