import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh 256-bit secret, base64url (43 characters): session cookies, CSRF tokens, token secrets. */
export const generateSecret = (): string => randomBytes(32).toString('base64url');

/** SHA-256, hex: how a high-entropy secret is stored (a slow KDF buys nothing for 256 random bits). */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Equality that takes the same time wherever the strings differ. */
export function equalsInConstantTime(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
