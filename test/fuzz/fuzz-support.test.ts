import fc from 'fast-check';
import type { Response } from 'light-my-request';
import { describe, expect, it } from 'vitest';
import { faultsOf } from './fuzz-report.js';
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

const answer = (statusCode: number, body: unknown, type = 'application/problem+json') =>
  ({ statusCode, headers: { 'content-type': type }, json: () => body }) as unknown as Response;

describe('the fault checker', () => {
  it('flags a 5xx, a 4xx that is not problem+json, and a 400 of any code without a field', () => {
    expect(faultsOf(answer(503, { code: 'server_busy', status: 503 }))).toEqual(['answered 503']);
    expect(faultsOf(answer(404, 'no', 'text/plain'))).toHaveLength(1);
    expect(faultsOf(answer(400, { code: 'bad_request', status: 400 }))).toEqual([
      '400 bad_request without errors[]',
    ]);
    expect(
      faultsOf(
        answer(400, { code: 'malformed_request', status: 400, errors: [{ path: 'url', message: 'x' }] }),
      ),
    ).toHaveLength(1);
  });

  it('accepts a 400 naming a part of the request and other problems as they are', () => {
    const named = {
      code: 'malformed_request',
      status: 400,
      errors: [{ path: 'body', message: 'is not valid JSON' }],
    };
    expect(faultsOf(answer(400, named))).toEqual([]);
    expect(faultsOf(answer(404, { code: 'not_found', status: 404 }))).toEqual([]);
    expect(faultsOf(answer(200, {}, 'application/json'))).toEqual([]);
  });
});
