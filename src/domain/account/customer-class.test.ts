import { describe, expect, it } from 'vitest';
import { firebolt } from '../../../test/support/playbook-fixtures.js';
import { checkTypeForCustomer, classifyCustomer } from './customer-class.js';

const playbook = firebolt();

describe('customer classification', () => {
  it.each([
    [{ hasActiveCommitContract: true, selfServeUsage: true }, 'commit_customer'],
    [{ hasActiveCommitContract: true, selfServeUsage: false }, 'commit_customer'],
    [{ hasActiveCommitContract: false, selfServeUsage: true }, 'plg'],
    [{ hasActiveCommitContract: false, selfServeUsage: false }, 'new_prospect'],
  ] as const)('%o is a %s', (facts, expected) => {
    expect(classifyCustomer(facts)).toBe(expected);
  });

  it.each([
    ['new_business', false, false, true],
    ['new_business', false, true, true],
    ['new_business', true, false, false],
    ['upsell', false, true, false],
    ['upsell', true, false, true],
    ['renewal', false, false, false],
    ['expansion', true, true, true],
  ])('%s for commit=%s plg=%s fits: %s', (type, hasActiveCommitContract, selfServeUsage, fits) => {
    const result = checkTypeForCustomer(playbook, type, { hasActiveCommitContract, selfServeUsage });
    expect(result.fits).toBe(fits);
    expect(result.focus.length).toBeGreaterThan(0);
  });

  it('says why a type does not fit, with the seed’s focus for the class', () => {
    const result = checkTypeForCustomer(playbook, 'upsell', {
      hasActiveCommitContract: false,
      selfServeUsage: true,
    });
    expect(result).toEqual({
      fits: false,
      customerClass: 'plg',
      focus: 'Conversion readiness, usage growth validation, expansion planning',
      message: 'Upsell is for a Commit Customer; this account is a PLG Customer.',
    });
  });
});
