import type { FastifyRequest } from 'fastify';
import { equalsInConstantTime } from '../../app/auth/secrets.js';

export const CSRF_HEADER = 'x-csrf-token';
export const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** `example.com:443` and `example.com` are the same host (URL drops default ports, Host headers may not). */
const normalizeHost = (host: string) => host.toLowerCase().replace(/:(80|443)$/, '');

/** Why the browser says this request was made by another site (Sec-Fetch-Site, Origin); null if it was not. */
export function crossSiteReason(request: FastifyRequest): string | null {
  if (request.headers['sec-fetch-site'] === 'cross-site') {
    return 'The browser says this request was made by another site.';
  }
  const origin = request.headers.origin;
  if (origin === undefined) return null;
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    // `Origin: null` (sandboxed frames, some redirects) and garbage are refused below
  }
  const sameHost = host !== null && normalizeHost(host) === normalizeHost(request.host);
  return sameHost ? null : `Requests from origin ${origin} are not accepted.`;
}

/** A cookie-authenticated change must come from this site and carry the session's CSRF token. */
export function csrfRefusal(request: FastifyRequest, sessionCsrfToken: string): string | null {
  const crossSite = crossSiteReason(request);
  if (crossSite) return crossSite;
  const given = request.headers[CSRF_HEADER];
  if (typeof given !== 'string' || !equalsInConstantTime(given, sessionCsrfToken)) {
    return `Send the ${CSRF_HEADER} header with the csrfToken from sign-in (or from GET /api/v1/auth/me).`;
  }
  return null;
}
