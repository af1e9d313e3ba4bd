import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost: N (CPU/memory, a power of two), r (block size), p (parallelism). */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** 2^15 × 8 × 128 B = 32 MiB per hash (OWASP's scrypt floor is N=2^17,r=8,p=1 or N=2^15 with more p). */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };
/** For tests only: the same code path, a thousandth of the work. */
export const TEST_SCRYPT_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
const KEY_LENGTH = 32;
const ENCODED = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$<salt>$<hash>` (base64url), with a fresh 128-bit salt. */
export async function hashPassword(
  password: string,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

function parse(encoded: string): { cost: ScryptCost; salt: Buffer; key: Buffer } | null {
  const match = ENCODED.exec(encoded);
  if (!match) return null;
  const [, N, r, p, salt, key] = match.map((part) => part ?? '');
  const cost = { N: Number(N), r: Number(r), p: Number(p) };
  const powerOfTwo = cost.N >= 2 && cost.N <= 2 ** 20 && (cost.N & (cost.N - 1)) === 0;
  const sane = powerOfTwo && cost.r >= 1 && cost.r <= 32 && cost.p >= 1 && cost.p <= 16;
  return sane
    ? { cost, salt: Buffer.from(salt ?? '', 'base64url'), key: Buffer.from(key ?? '', 'base64url') }
    : null;
}

/** Whether `password` matches `encoded`, compared in constant time; false for an unreadable hash. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded);
  if (!parsed || parsed.key.length !== KEY_LENGTH) return false;
  const key = await derive(password, parsed.salt, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}

const dummies = new Map<string, Promise<string>>();

/**
 * Spends the time of a real verification and answers false: for unknown emails, users without a password
 * and disabled users, so the answer's timing does not tell which accounts exist.
 */
export async function verifyDummyPassword(password: string, cost: ScryptCost = DEFAULT_SCRYPT_COST) {
  const key = `${cost.N}/${cost.r}/${cost.p}`;
  let dummy = dummies.get(key);
  if (!dummy) {
    dummy = hashPassword(randomBytes(18).toString('base64url'), cost);
    dummies.set(key, dummy);
  }
  await verifyPassword(password, await dummy);
  return false;
}

/** A password for a person to type once and change: 20 characters from 120 random bits. */
export const generatePassword = (): string => randomBytes(15).toString('base64url');
