import type { IncomingHttpHeaders } from 'node:http';
import { equalsInConstantTime } from '../../app/auth/secrets.js';

/**
 * Whether the request carries one of the configured secrets in the header an EventBridge API destination's
 * connection (API-key authorization) adds. Each secret is compared in constant time (over SHA-256 digests,
 * so a length difference leaks nothing), and all of them are compared.
 */
export function hasEventsKey(
  headers: IncomingHttpHeaders,
  headerName: string,
  secrets: readonly string[],
): boolean {
  const given = headers[headerName];
  if (typeof given !== 'string') return false;
  let matched = false;
  for (const secret of secrets) matched = equalsInConstantTime(given, secret) || matched;
  return matched;
}
