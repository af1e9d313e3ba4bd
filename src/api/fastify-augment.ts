import type { Actor, AppContext } from '../app/context.js';
import type { InboundSettings } from '../integrations/inbound-settings.js';
import type { Credential, ServerAuth } from './auth/authenticate-request.js';

/** What buildServer adds to Fastify: the use-case context on the instance, the caller on each request. */
declare module 'fastify' {
  interface FastifyInstance {
    context: AppContext;
    /** Sign-in settings, the sign-in rate limiters and whether demo mode is on. */
    auth: ServerAuth;
    /** What the vendors' machine endpoints verify requests with (machine-endpoint.ts). */
    inbound: InboundSettings;
  }
  interface FastifyRequest {
    /** The signed-in user (or the anonymous actor on the public routes); set before anything else runs. */
    actor: Actor;
    /** How the caller signed in; null when anonymous. */
    credential: Credential | null;
    /**
     * The use-case context handlers pass on: the server's, or for a request with an Idempotency-Key the one
     * bound to the request's open transaction (see idempotency.ts). Handlers use this, never `app.context`.
     */
    readonly context: AppContext;
  }
  interface FastifyContextConfig {
    /** The route answers anonymous callers (health, login, demo users, OpenAPI); every other one is 401. */
    public?: boolean;
    /**
     * A vendor's machine calls it and proves itself in the request (machine-endpoint.ts): cookies and bearer
     * tokens sent along are ignored, so no session, CSRF or token rule applies. Only with `public`.
     */
    machine?: boolean;
  }
}
