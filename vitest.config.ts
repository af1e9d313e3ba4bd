import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Engine-independent test files: they never open a database, spawn the CLI or start a server (pure domain
 * rules, the web app's own modules, documents and source checks; the OpenAPI document is built over a
 * database that throws when touched). The `unit` project holds them, and `npm run test:postgres` leaves that
 * project out: on PostgreSQL they would prove nothing the PGlite run did not. Rule: a file that opens a
 * database in any way (test/support's databases, servers or CLI included) stays in the `node` project, which
 * runs on both engines; a new file lands there unless it is listed here.
 */
const ENGINE_INDEPENDENT = [
  'src/domain/**/*.test.ts',
  'web/src/**/*.test.ts',
  'src/api/concurrency.test.ts',
  'src/api/errors/problem.test.ts',
  'src/api/openapi-records.test.ts',
  'src/api/text-guard.test.ts',
  'src/app/auth/passwords.test.ts',
  'src/app/playbook/load-playbook.test.ts',
  'src/app/shared/*.test.ts',
  'src/app/territory/*.test.ts',
  'src/cli/commands/describe-coverage.test.ts',
  'src/cli/commands/inspect.test.ts',
  'test/api/openapi-document.test.ts',
  'test/api/web-api-types.test.ts',
  'test/architecture/*.test.ts',
  'test/fuzz/fuzz-support.test.ts',
];

/**
 * Files that open PGlite and nothing else, whatever TEST_DATABASE_URL says: each one's databases are its own
 * PGlite data directories (`openApp({ dataDir })`, a CLI spawned with `DATABASE_URL: ''`, PGlite's own
 * worker and lock). The `pglite` project holds them and `npm run test:postgres` leaves it out, like `unit`:
 * there they would run again on PGlite, the same code on the same engine (docs/decisions/018-ci-time.md).
 * A file that reaches for createTestDatabase, openTestApi, newServerStore or startServer does not belong here.
 */
const PGLITE_ONLY = [
  'src/db/pglite/data-dir-lock.test.ts',
  'src/db/pglite/statement-runner.test.ts',
  'test/cli/auth-cli.test.ts',
  'test/cli/playbook-cli.test.ts',
  'test/cli/territory-cli.test.ts',
];

/**
 * Four projects, one `npm test`: engine-independent files, PGlite-only files, everything else on Node, and the
 * browser tests (a real server and Debian's Chromium). Global setups, once per run: the server compiled for spawned CLI
 * processes (compiled-server.ts), the migrated database every test file's database copies
 * (database-template.ts); for the browser tests the web app, built when web/dist is missing or older than
 * its sources, and the demo data every test file's server starts from a copy of.
 */
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: 'UTC' },
    setupFiles: ['test/support/fast-check-seed.ts'],
    // Vitest's default on 2 cores is one worker; the test files mostly wait on PGlite's worker thread, a
    // spawned server or Chromium, so two keep both cores busy.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ENGINE_INDEPENDENT },
      },
      {
        extends: true,
        test: { name: 'pglite', include: PGLITE_ONLY, globalSetup: ['test/support/compiled-server.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/browser/**', ...ENGINE_INDEPENDENT, ...PGLITE_ONLY],
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
