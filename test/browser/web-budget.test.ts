import { describe, expect, it } from 'vitest';
import { INITIAL_JS_BUDGET_GZIP, measureInitialJs } from './support/initial-js.js';

describe('the web budget (docs/decisions/005-web-budget.md)', () => {
  it('keeps the JavaScript the board needs before it runs within 200 KiB gzipped', () => {
    const initial = measureInitialJs();
    expect(initial.files.length).toBeGreaterThan(0);
    expect(initial.gzip, `${initial.files.join(', ')}: ${initial.gzip} bytes gzipped`).toBeLessThanOrEqual(
      INITIAL_JS_BUDGET_GZIP,
    );
  });
});
