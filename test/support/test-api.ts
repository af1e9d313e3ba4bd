import type { FastifyInstance } from 'fastify';
import type { Playbook } from '../../src/domain/playbook/playbook.js';
import { buildTestServer, type TestServerOptions } from './api-client.js';
import { testContext } from './factories.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApi {
  database: TestDatabase;
  app: FastifyInstance;
  /** Moves the server's clock (sessions, tokens and rate limits all read it). */
  advance: (ms: number) => void;
  close: () => Promise<void>;
}

/** A fresh database and the real server over it, with a clock the test moves; add test routes in beforeReady. */
export async function openTestApi(
  options: TestServerOptions & {
    beforeReady?: (app: FastifyInstance) => Promise<void>;
    /** The playbook the server runs (Firebolt's unless given). */
    playbook?: Playbook;
  } = {},
): Promise<TestApi> {
  const { beforeReady, playbook, ...serverOptions } = options;
  const database = await createTestDatabase();
  const clock = testContext(database.db, undefined, playbook);
  const app = await buildTestServer(clock.context, serverOptions);
  await beforeReady?.(app);
  await app.ready();
  return {
    database,
    app,
    advance: (ms) => clock.setNow(new Date(clock.context.now().getTime() + ms)),
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
