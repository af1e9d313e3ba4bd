import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/api/build-server.js';
import type { AppContext } from '../../src/app/context.js';
import { loadPlaybook } from '../../src/app/playbook/load-playbook.js';

/** A server over the real playbook and no database: for routes that do not touch the DB. */
export async function buildApiTestServer(): Promise<FastifyInstance> {
  const context: AppContext = {
    db: undefined as never,
    playbook: await loadPlaybook(),
    now: () => new Date('2026-01-15T12:00:00Z'),
    newId: (prefix) => `${prefix}_test`,
  };
  return buildServer({ context });
}
