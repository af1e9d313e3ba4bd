import type { FastifyInstance, FastifyRequest } from 'fastify';
import { systemActor } from '../app/access/actors.js';
import type { Actor } from '../app/context.js';

export type ResolveActor = (request: FastifyRequest) => Actor | Promise<Actor>;

/** Until sign-in exists every API caller acts as the system. */
export const resolveAnonymousActor: ResolveActor = (request) => ({
  ...systemActor('anonymous'),
  requestId: request.id,
});

/** Sets `request.actor` before anything else runs; the request id is always attached. */
export function installActor(app: FastifyInstance, resolveActor: ResolveActor): void {
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request) => {
    const actor = await resolveActor(request);
    request.actor = { ...actor, requestId: actor.requestId ?? request.id };
  });
}
