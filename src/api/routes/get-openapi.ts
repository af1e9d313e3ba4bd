import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OPENAPI_PATH } from '../openapi.js';

/** The OpenAPI 3.1 document (the docs page reads the same document from /api/v1/docs/json). */
export const getOpenApiRoute: FastifyPluginAsyncZod = async (app) => {
  app.get(OPENAPI_PATH, { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
};
