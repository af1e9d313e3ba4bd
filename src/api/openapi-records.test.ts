import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { spellOutEnumRecords } from './openapi-records.js';

describe('spellOutEnumRecords', () => {
  it('spells a record keyed by an enum out as its properties, at any depth', () => {
    const weights = z.toJSONSchema(z.record(z.enum(['a', 'b']), z.number().int()));
    const spelled = spellOutEnumRecords({ items: [{ weights }] });
    expect(spelled.items[0]?.weights).toEqual({
      $schema: weights.$schema,
      type: 'object',
      required: ['a', 'b'],
      properties: { a: { type: 'integer', ...intRange }, b: { type: 'integer', ...intRange } },
      additionalProperties: false,
    });
  });

  it('leaves records keyed by any string, and everything else, as they are', () => {
    const open = z.toJSONSchema(z.object({ byKey: z.record(z.string(), z.boolean()), name: z.string() }));
    expect(spellOutEnumRecords(open)).toEqual(open);
  });
});

const intRange = { minimum: Number.MIN_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };
