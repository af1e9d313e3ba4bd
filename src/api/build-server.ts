import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from '../app/context.js';
import { installActor, type ResolveActor, resolveAnonymousActor } from './actor.js';
import { answerFrameworkError, installErrorHandlers } from './errors/error-handler.js';
import './fastify-augment.js';
import { installIdempotency } from './idempotency.js';
import { registerOpenApi } from './openapi.js';
import { requestIdFor } from './request-id.js';
import { registerRoutes } from './routes/index.js';
import { installSecurityHeaders } from './security-headers.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface BuildServerOptions {
  context: AppContext;
  /** Fastify/pino logger options; off by default (tests), on for `closepath serve`. */
  logger?: boolean | object;
  /** Who is calling; until sign-in exists every caller is anonymous. */
  resolveActor?: ResolveActor;
}

/**
 * The HTTP shell: zod-validated routes, problem+json errors, security headers, request ids, OpenAPI docs.
 * Not yet `ready()`: callers may add routes (tests do) before `listen()` or `inject()`.
 */
export async function buildServer(options: BuildServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    requestIdHeader: false,
    genReqId: requestIdFor,
    frameworkErrors: answerFrameworkError,
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('context', options.context);

  installSecurityHeaders(app);
  installErrorHandlers(app);
  installActor(app, options.resolveActor ?? resolveAnonymousActor);
  installIdempotency(app);

  await registerOpenApi(app);
  await registerRoutes(app);
  return app;
}
