import { randomBytes } from 'node:crypto';
import { generateSecret } from './secrets.js';

/** `cpt_<20 hex: the token's id>_<43 base64url: 256 secret bits>`: recognisable by secret scanners. */
const TOKEN = /^cpt_([0-9a-f]{20})_[A-Za-z0-9_-]{43}$/;

export function generateApiToken(): { id: string; token: string } {
  const idPart = randomBytes(10).toString('hex');
  return { id: `tok_${idPart}`, token: `cpt_${idPart}_${generateSecret()}` };
}

/** Whether a bearer value has the shape of one of our tokens (checked before any database lookup). */
export const looksLikeApiToken = (value: string): boolean => TOKEN.test(value);
