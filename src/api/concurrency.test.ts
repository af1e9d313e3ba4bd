import { describe, expect, it } from 'vitest';
import { etagFor, parseIfMatch } from './concurrency.js';

describe('etagFor', () => {
  it('quotes the version', () => {
    expect(etagFor(3)).toBe('"v3"');
  });
});

describe('parseIfMatch', () => {
  it.each([
    [undefined, undefined],
    ['*', undefined],
    [' * ', undefined],
    ['"v3"', 3],
    ['W/"v3"', 3],
    [' "v12" ', 12],
    ['"v0"', 0],
    [['"v7"'], 7],
    ['v3', 'invalid'],
    ['"3"', 'invalid'],
    ['"v03"', 'invalid'],
    ['"v-1"', 'invalid'],
    ['"v1.5"', 'invalid'],
    ['"v3", "v4"', 'invalid'],
    [['"v3"', '"v4"'], 'invalid'],
    ['w/"v3"', 'invalid'],
    ['', 'invalid'],
    ['"v9999999999999999"', 'invalid'],
  ] as const)('%j → %j', (header, expected) => {
    expect(parseIfMatch(header as string | string[] | undefined)).toBe(expected);
  });

  it('reads back every ETag it writes', () => {
    for (const version of [0, 1, 42, 2 ** 40]) expect(parseIfMatch(etagFor(version))).toBe(version);
  });
});
