import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryValues, type JsonSchema, validValue, wrongTypeValues } from './json-schema-values.js';
import { KnownValuePools } from './known-values.js';
import { percentEncode } from './send-case.js';

const body: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 5 },
    amountMinor: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
    closeDate: { type: 'string', format: 'date' },
    kind: { type: 'string', enum: ['call', 'note'] },
    ownerId: { type: 'string', minLength: 1, maxLength: 64 },
  },
  required: ['name', 'amountMinor'],
  additionalProperties: false,
};

describe('the fuzz case generator', () => {
  it('makes values its schema accepts, taking known values for named fields', () => {
    const pools = new KnownValuePools();
    pools.add('users', 'user_1');
    const values = fc.sample(validValue(body, pools.lookup()), { seed: 1, numRuns: 200 }) as Array<
      Record<string, unknown>
    >;
    for (const value of values) {
      expect(typeof value.name === 'string' && value.name.length >= 1 && value.name.length <= 5).toBe(true);
      expect(Number.isSafeInteger(value.amountMinor) && (value.amountMinor as number) >= 0).toBe(true);
      if ('closeDate' in value) expect(value.closeDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if ('kind' in value) expect(['call', 'note']).toContain(value.kind);
    }
    expect(values.some((value) => value.ownerId === 'user_1')).toBe(true);
  });

  it('goes to and past every limit, and to every other type', () => {
    const name = body.properties?.name ?? {};
    expect(boundaryValues(name)).toEqual(expect.arrayContaining(['a', '', 'aaaaa', 'aaaaaa']));
    const amount = boundaryValues(body.properties?.amountMinor ?? {});
    expect(amount).toEqual(expect.arrayContaining([-1, Number.MAX_SAFE_INTEGER + 1, 2 ** 53 + 2, -0]));
    expect(wrongTypeValues(name)).not.toContainEqual(expect.any(String));
  });

  it('sends a lone surrogate in a URL as the bytes it would be, where encodeURIComponent throws', () => {
    expect(() => encodeURIComponent('\uD800')).toThrow();
    expect(percentEncode('a\uD800/😀')).toBe('a%ED%A0%80%2F%F0%9F%98%80');
  });
});
