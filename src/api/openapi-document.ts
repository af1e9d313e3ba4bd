import type { AppContext } from '../app/context.js';
import { newId } from '../app/open-app.js';
import { loadPlaybook } from '../app/playbook/load-playbook.js';
import { buildServer } from './build-server.js';

/** A database no one may touch: building the document registers routes, it runs no request. */
const NO_DATABASE = new Proxy({} as AppContext['db'], {
  get: () => {
    throw new Error('the OpenAPI document is built without a database');
  },
});

/**
 * The OpenAPI document as GET /api/v1/openapi.json serves it, from the real server built over the default
 * playbook without a database or a port: for the web app's generated types and the document's lint.
 */
export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  const playbook = await loadPlaybook();
  const app = await buildServer({ context: { db: NO_DATABASE, playbook, now: () => new Date(), newId } });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}
