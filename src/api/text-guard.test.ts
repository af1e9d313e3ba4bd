import { describe, expect, it } from 'vitest';
import { findUnsafeText, MAX_DEPTH } from './text-guard.js';

describe('text no column can store', () => {
  it('finds NUL characters and unpaired surrogates in values and keys, with their paths', () => {
    expect(
      findUnsafeText(
        { name: 'Acme\u0000', items: [{ note: 'ok' }, { note: 'bad \uD800 half' }], ['k\uDC00']: 1 },
        'body',
      ),
    ).toEqual([
      { path: 'body.name', message: expect.stringMatching(/NUL/) },
      { path: 'body.items[1].note', message: expect.stringMatching(/unpaired UTF-16 surrogate/) },
      { path: 'body."k\\udc00"', message: expect.stringMatching(/^its name must be valid Unicode/) },
    ]);
  });

  it('lets real text through: emoji (paired surrogates), accents, other scripts, control characters like tab', () => {
    expect(findUnsafeText({ name: 'Zoë 😀 東京\tline', n: 5, ok: true, none: null }, 'body')).toEqual([]);
  });

  it('refuses nesting past the limit once, at the level where it goes too deep', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < MAX_DEPTH + 5; level += 1) deep = [deep];
    const issues = findUnsafeText({ deep }, 'body');
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toBe(`is nested deeper than ${MAX_DEPTH} levels`);
  });
});
