import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { type AuthSettings, authSettings } from '../app/auth/auth-settings.js';
import type { AppContext } from '../app/context.js';
import { type InboundSettings, NO_INBOUND_SETTINGS } from '../integrations/inbound-settings.js';
import { installAuthentication } from './auth/authenticate-request.js';
import { createLoginLimiters, type RateLimitSettings, rateLimitSettings } from './auth/rate-limits.js';
import { registerRequestBudgets } from './auth/request-budgets.js';
import { registerCookies } from './auth/session-cookie.js';
import { answerClientError } from './errors/client-error.js';
import { answerFrameworkError, installErrorHandlers } from './errors/error-handler.js';
import './fastify-augment.js';
import { installIdempotency } from './idempotency.js';
import { installLoadShedding, type LoadSheddingSettings } from './load-shedding.js';
import { registerOpenApi } from './openapi.js';
import { requestIdFor } from './request-id.js';
import { registerRoutes } from './routes/index.js';
import { registerSecurityHeaders } from './security-headers.js';
import { installTextGuard } from './text-guard.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Instead of Fastify's two JSON lines per request at info: nothing on arrival, and one compact line when
 * answered — "GET /api/v1/opportunities 200 12ms" — at debug, or at error for a 5xx or a failed response.
 * The error handler still logs every failure with its stack; Fastify's other error logs are unchanged.
 */
class CompactRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const level = error || reply.statusCode >= 500 ? 'error' : 'debug';
    if (this.isLogDisabled(request)) return;
    const line = `${request.method} ${request.url} ${reply.statusCode} ${Math.round(reply.elapsedTime)}ms`;
    reply.log[level](error ? { err: error } : {}, line);
  }
}

export interface BuildServerOptions {
  context: AppContext;
  /** Fastify/pino logger options; off by default (tests), on for `closepath serve`. */
  logger?: boolean | object;
  /** Session timeouts and password cost (defaults: 30 min idle, 12 h absolute, scrypt N=2^15). */
  auth?: Partial<AuthSettings>;
  /** Rate-limit budgets (defaults in DEFAULT_RATE_LIMITS); tests pass small ones. */
  rateLimits?: Partial<RateLimitSettings>;
  /** Demo mode: GET /api/v1/auth/demo-users lists the demo users and their documented password. */
  demo?: boolean;
  /** Refuse new requests with 503 while the server is overloaded (`closepath serve` sets it; off in tests). */
  loadShedding?: LoadSheddingSettings;
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto/-Host for the client IP, HTTPS and Host. */
  trustProxy?: boolean;
  /** The keys and secrets the vendors' machine endpoints verify with (none: every delivery is refused). */
  inbound?: InboundSettings;
}

/**
 * The HTTP shell: authentication on every request, zod-validated routes, problem+json errors, security
 * headers, request ids, OpenAPI docs. Not yet `ready()`: callers may add routes (tests do) before
 * `listen()` or `inject()`.
 */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new CompactRequestLog(),
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: false,
    genReqId: requestIdFor,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    trustProxy: options.trustProxy ?? false,
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('context', options.context);
  app.decorate('inbound', options.inbound ?? NO_INBOUND_SETTINGS);

  await registerSecurityHeaders(app);
  installErrorHandlers(app);
  if (options.loadShedding) await installLoadShedding(app, options.loadShedding);
  installTextGuard(app);
  await registerCookies(app);
  const rateLimits = rateLimitSettings(options.rateLimits);
  await registerRequestBudgets(app, rateLimits);
  installAuthentication(app, {
    settings: authSettings(options.auth),
    limiters: createLoginLimiters(() => app.context.db, rateLimits),
    demo: options.demo ?? false,
  });
  installIdempotency(app);

  await registerOpenApi(app);
  await registerRoutes(app);
  return app;
}
