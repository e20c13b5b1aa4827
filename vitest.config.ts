import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Every file: better-sqlite3's native objects outlive the file (Node 24 aborts otherwise).
const keepSqliteObjects = './test/support/keep-sqlite-objects.ts';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      'server-only': fileURLToPath(new URL('./vitest.server-only.ts', import.meta.url)),
    },
  },
  test: {
    globals: true,
    // The harness's limits, not the code's bounds (those are asserted where they matter):
    // command B runs this suite under Node 24 beside the e2e run and the checks, where a test
    // that takes 1 s alone has taken 7.
    testTimeout: 15_000,
    hookTimeout: 30_000,
    // Checks' and benchmarks' copies of the checkout hold its tests too.
    exclude: ['**/node_modules/**', 'test/.scratch/**', 'bench/.scratch/**'],
    // Only what renders needs a DOM: jsdom took 72 of the suite's 181 s when every file had one.
    projects: [
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['components/**/*.test.{ts,tsx}', '{lib,scripts,test}/**/*.test.tsx'],
          setupFiles: [keepSqliteObjects, './vitest.setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['{lib,scripts,test}/**/*.test.ts'],
          setupFiles: [keepSqliteObjects],
        },
      },
    ],
  },
});
