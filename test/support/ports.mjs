// @ts-check
// Ports from the operating system, so checks can run beside each other and beside the e2e run.
import { createServer } from 'node:net';

/** A loopback port free right now (the OS picks it; nothing else is told until it is used). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * `count` distinct free ports.
 * @param {number} count
 */
export async function freePorts(count) {
  const ports = new Set();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
}
