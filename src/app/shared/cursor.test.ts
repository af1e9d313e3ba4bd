import { describe, expect, it } from 'vitest';
import { type CursorPart, decodeCursor, encodeCursor } from './cursor.js';

const made = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('a cursor read back', () => {
  it.each<[CursorPart[], Array<string | number>]>([
    [
      ['text', 'text'],
      ['Zoë 😀', 'acc_1'],
    ],
    [
      ['date', 'text'],
      ['2027-06-30', 'opp_1'],
    ],
    [
      ['instant', 'text'],
      ['2026-11-30T14:00:00.000Z', 'act_1'],
    ],
    [['serial'], [42]],
    [['serial'], ['9007199254740991']],
    [
      ['any', 'text'],
      [61, 'opp_1'],
    ],
  ])('takes what the list handed out (%j)', (parts, key) => {
    expect(decodeCursor(encodeCursor(key), parts)).toEqual({ ok: true, value: key });
  });

  it.each<[string, CursorPart[], unknown]>([
    ['a date PostgreSQL cannot hold', ['date', 'text'], ['0000-01-01', 'x']],
    ['a date that is no day', ['date', 'text'], ['2027-02-30', 'x']],
    ['not a date', ['date', 'text'], ['soon', 'x']],
    ['an instant past year 9999', ['instant', 'text'], ['+010000-01-01T00:00:00.000Z', 'x']],
    ['a serial past the safe range', ['serial'], [1e300]],
    ['a negative serial', ['serial'], [-1]],
    ['a serial as words', ['serial'], ['abc']],
    ['text with a NUL', ['text', 'text'], ['a\u0000', 'x']],
    ['the wrong number of parts', ['text', 'text'], ['a']],
    ['an object', ['text'], [{ a: 1 }]],
  ])('refuses %s at query.cursor', (_what, parts, key) => {
    expect(decodeCursor(made(key), parts)).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', issues: [{ path: 'query.cursor' }] },
    });
  });

  it('refuses what is not base64url JSON at all', () => {
    expect(decodeCursor('bm90IGpzb24', ['text']).ok).toBe(false);
  });
});
