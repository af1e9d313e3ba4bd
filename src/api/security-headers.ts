import type { FastifyInstance } from 'fastify';

export const DOCS_PREFIX = '/api/v1/docs';

/** API responses are data, never a page: nothing may load, frame or submit from them. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Swagger UI loads its own scripts and styles, sets inline styles, fetches the spec, shows data: icons. */
const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The web app (every non-API path): its own scripts only, never inline ones; inline styles are allowed
 * because the component library sets style attributes and its theme variables in a style element.
 */
const WEB_APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** The Content-Security-Policy by path: API data, the API docs, or the web app. */
export function cspFor(path: string): string {
  if (path === DOCS_PREFIX || path.startsWith(`${DOCS_PREFIX}/`)) return DOCS_CSP;
  return path === '/api' || path.startsWith('/api/') ? API_CSP : WEB_APP_CSP;
}

const FIXED_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

/** Security headers and the request id on every response, errors and 404s included. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(FIXED_HEADERS);
    reply.header('content-security-policy', cspFor(request.url.split('?', 1)[0] ?? ''));
    reply.header('x-request-id', request.id);
    // Responses carry deal data: not cached unless a route says otherwise (static docs assets do).
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    reply.removeHeader('x-powered-by');
    return payload;
  });
}
