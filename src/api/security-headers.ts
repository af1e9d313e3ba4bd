import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet from 'helmet';

export const DOCS_PREFIX = '/api/v1/docs';

type Directives = Record<string, string[]>;

/** API responses are data, never a page: nothing may load, frame or submit from them. */
const API_CSP: Directives = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** Swagger UI loads its own scripts and styles, sets inline styles, fetches the spec, shows data: icons. */
const DOCS_CSP: Directives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/**
 * The web app (every non-API path): its own scripts only, never inline ones; inline styles are allowed
 * because the component library sets style attributes and its theme variables in a style element.
 */
const WEB_APP_CSP: Directives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

/** The Content-Security-Policy directives by path: API data, the API docs, or the web app. */
export function cspFor(path: string): Directives {
  if (path === DOCS_PREFIX || path.startsWith(`${DOCS_PREFIX}/`)) return DOCS_CSP;
  return path === '/api' || path.startsWith('/api/') ? API_CSP : WEB_APP_CSP;
}

const HELMET_OPTIONS = {
  xFrameOptions: { action: 'deny' },
  crossOriginOpenerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  referrerPolicy: { policy: 'no-referrer' },
} as const;

/** What differs per request: the CSP by path, and HSTS only over HTTPS. */
const perRequest = (request: FastifyRequest) => ({
  contentSecurityPolicy: {
    useDefaults: false as const,
    directives: cspFor(request.url.split('?', 1)[0] ?? ''),
  },
  strictTransportSecurity: request.protocol === 'https' && {},
});

function setResponseHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-request-id', request.id);
  // Responses carry deal data: not cached unless a route says otherwise (static docs assets do).
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
}

/**
 * Security headers by @fastify/helmet on every response, errors, 404s and static files included (they are
 * set on arrival, before anything can answer), with the CSP chosen by path and HSTS only over HTTPS
 * (decision 012); then the request id, and `no-store` unless a route chose its own caching.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, { global: false, ...HELMET_OPTIONS });
  app.addHook('onRequest', async (request, reply) => {
    reply.helmet(perRequest(request));
  });
  app.addHook('onSend', async (request, reply, payload) => {
    setResponseHeaders(request, reply);
    return payload;
  });
}

/**
 * The same headers on what Fastify answers before any hook runs (a URL that is not valid percent-encoding,
 * through `frameworkErrors`): helmet's own middleware on the raw response, as @fastify/helmet does.
 */
export function setFrameworkAnswerHeaders(request: FastifyRequest, reply: FastifyReply): void {
  helmet({ ...HELMET_OPTIONS, ...perRequest(request) })(request.raw, reply.raw, () => {});
  setResponseHeaders(request, reply);
}
