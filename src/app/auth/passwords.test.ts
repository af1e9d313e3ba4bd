import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT_COST,
  generatePassword,
  hashPassword,
  TEST_SCRYPT_COST,
  verifyDummyPassword,
  verifyPassword,
} from './passwords.js';

describe('scrypt password hashes', () => {
  it('encodes the cost, a fresh salt and the key, and verifies only the right password', async () => {
    const first = await hashPassword('closepath-demo', TEST_SCRYPT_COST);
    const second = await hashPassword('closepath-demo', TEST_SCRYPT_COST);
    expect(first).toMatch(/^scrypt\$1024\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('closepath-demo', first)).toBe(true);
    expect(await verifyPassword('closepath-demo ', first)).toBe(false);
    expect(await verifyPassword('', first)).toBe(false);
  });

  it('uses N=2^15, r=8, p=1 by default', async () => {
    expect(DEFAULT_SCRYPT_COST).toEqual({ N: 32768, r: 8, p: 1 });
    expect(await hashPassword('x'.repeat(12))).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('treats unreadable or absurd hashes as no match', async () => {
    const good = await hashPassword('p4ssword-long', TEST_SCRYPT_COST);
    for (const bad of [
      '',
      'bcrypt$…',
      good.replace('$1024$', '$1000$'),
      good.replace('$1024$', '$2097152$'),
      good.slice(0, -2),
      `${good}$x`,
    ]) {
      expect(await verifyPassword('p4ssword-long', bad), bad).toBe(false);
    }
  });

  it('normalises Unicode so the same typed password matches', async () => {
    const composed = await hashPassword('café-crème-brûlée', TEST_SCRYPT_COST);
    expect(await verifyPassword('cafe\u0301-cre\u0300me-bru\u0302le\u0301e', composed)).toBe(true);
  });

  it('spends a verification on unknown accounts and answers false', async () => {
    expect(await verifyDummyPassword('anything', TEST_SCRYPT_COST)).toBe(false);
  });

  it('generates 20-character passwords', () => {
    expect(generatePassword()).toMatch(/^[A-Za-z0-9_-]{20}$/);
  });
});
