import { describe, expect, it } from 'vitest';
import { distinctErrors } from './problem.js';

describe('field errors in a problem', () => {
  it('lists the same fault at the same field once, keeping order and different messages', () => {
    expect(
      distinctErrors([
        { path: 'body.name', message: 'must not be empty' },
        { path: 'body.amountMinor', message: 'too big' },
        { path: 'body.name', message: 'must not be empty' },
        { path: 'body.name', message: 'too long' },
      ]),
    ).toEqual([
      { path: 'body.name', message: 'must not be empty' },
      { path: 'body.amountMinor', message: 'too big' },
      { path: 'body.name', message: 'too long' },
    ]);
  });
});
