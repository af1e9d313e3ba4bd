import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects, one `npm test`; both compile the server once for the CLI processes tests spawn
 * (compiled-server.ts). Everything on Node, whose global setup migrates the database every test file's
 * database copies, and the browser tests (a real server and Debian's Chromium), whose global setup
 * builds the web app first when web/dist is missing or older than its sources, and seeds the demo data once
 * for every test file's server to start from a copy of.
 */
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/browser/**'],
          globalSetup: ['test/support/compiled-server.ts', 'test/support/database-template.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: [
            'test/support/compiled-server.ts',
            'test/browser/support/build-web-app.ts',
            'test/browser/support/demo-template.ts',
          ],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A browser waits for a server and a re-render: expect.poll gives them time (1 s by default).
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
