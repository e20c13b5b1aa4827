// The framework's floor for bench/main-thread.mjs --control (issue 20): a Next app with no client
// component of ours, built with this checkout's next, react and react-dom and Masthead's build
// settings that touch the browser (Turbopack, browser source maps). One page of static text and
// a few next/link links, as every Masthead page has: what Next's runtime and React cost a phone
// before any island of ours hydrates.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'bench', '.scratch', 'next-floor');

const paragraph =
  'A paragraph of plain server-rendered text, long enough to wrap over several lines on a ' +
  'phone, standing in for an article body: no state, no effects, nothing to hydrate but markup.';

const files = {
  'package.json': JSON.stringify({ name: 'next-floor', private: true, type: 'module' }, null, 2),
  // Masthead's root resolves next; the project root is where its lock file is.
  'next.config.mjs': `export default {
  productionBrowserSourceMaps: true,
  turbopack: { root: ${JSON.stringify(root)} },
};
`,
  'app/layout.jsx': `export const metadata = { title: 'Next floor', description: 'No client component of ours.' };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  'app/page.jsx': `import Link from 'next/link';

export default function Page() {
  return (
    <main>
      <h1>The framework's floor</h1>
      {Array.from({ length: 12 }, (_, i) => (
        <p key={i}>${paragraph}</p>
      ))}
      <nav aria-label="More">
        <ul>
          {['one', 'two', 'three', 'four'].map((slug) => (
            <li key={slug}>
              <Link href={\`/\${slug}\`}>Story {slug}</Link>
            </li>
          ))}
        </ul>
      </nav>
    </main>
  );
}
`,
};

/** Writes the app and builds it unless an identical one is built already; returns its folder. */
export async function buildFloor() {
  let changed = !existsSync(path.join(dir, '.next', 'BUILD_ID'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    writeFileSync(file, text);
    changed = true;
  }
  if (!changed) return dir;
  const next = createRequire(path.join(root, 'package.json')).resolve('next/dist/bin/next');
  const result = spawnSync(process.execPath, [next, 'build'], {
    cwd: dir,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('next-floor: next build failed');
  return dir;
}
