import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/** Connect sends one header per active HMAC key: X-DocuSign-Signature-1 … -100. */
const SIGNATURE_HEADER = /^x-docusign-signature-([1-9]\d?|100)$/;

/** The base64 HMAC-SHA256 of the exact body bytes under one key, as Connect computes it. */
export const connectSignatureOf = (body: Buffer, key: string): string =>
  createHmac('sha256', key).update(body).digest('base64');

function signaturesIn(headers: IncomingHttpHeaders): string[] {
  return Object.entries(headers).flatMap(([name, value]) =>
    SIGNATURE_HEADER.test(name) ? [value ?? []].flat() : [],
  );
}

/** Constant-time equality of two base64 strings as sent (no lenient decoding: one changed character fails). */
function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether any X-DocuSign-Signature-N header is the HMAC of the raw body under any configured key. Every
 * pair is compared (no early exit), each in constant time; no key or no header is never a match.
 */
export function isSignedByConnect(
  body: Buffer,
  headers: IncomingHttpHeaders,
  keys: readonly string[],
): boolean {
  const signatures = signaturesIn(headers);
  let matched = false;
  for (const key of keys) {
    const expected = connectSignatureOf(body, key);
    for (const signature of signatures) matched = sameSignature(signature, expected) || matched;
  }
  return matched;
}
