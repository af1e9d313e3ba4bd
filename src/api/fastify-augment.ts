import type { Actor, AppContext } from '../app/context.js';

/** What buildServer adds to Fastify: the use-case context on the instance, the caller on each request. */
declare module 'fastify' {
  interface FastifyInstance {
    context: AppContext;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}
