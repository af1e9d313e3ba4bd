import { describe, expect, it } from 'vitest';
import { firebolt } from '../../../test/support/playbook-fixtures.js';
import type { Contract } from '../contract/contract.js';
import { classifyCustomer, describeCustomer } from './customer-class.js';

const playbook = firebolt();

describe('customer classification', () => {
  it.each([
    [{ hasActiveCommitContract: true, selfServeUsage: true }, 'commit_customer'],
    [{ hasActiveCommitContract: true, selfServeUsage: false }, 'commit_customer'],
    [{ hasActiveCommitContract: false, selfServeUsage: true }, 'plg'],
    [{ hasActiveCommitContract: false, selfServeUsage: false }, 'new_prospect'],
  ] as const)('%o is a %s', (facts, expected) => {
    expect(classifyCustomer(playbook, facts)).toBe(expected);
  });

  it("follows the playbook's rules, whatever its classes are called", () => {
    const own = {
      ...playbook,
      customerClasses: [
        { key: 'customer', name: 'Customer', focus: 'Grow', when: 'contract_in_force' as const },
        { key: 'prospect', name: 'Prospect', focus: 'Win', when: 'otherwise' as const },
      ],
    };
    expect(classifyCustomer(own, { hasActiveCommitContract: true, selfServeUsage: false })).toBe('customer');
    // No class for self-serve usage: such an account is a prospect.
    expect(classifyCustomer(own, { hasActiveCommitContract: false, selfServeUsage: true })).toBe('prospect');
  });
});

describe('customer class from recorded contracts', () => {
  const contract = (startDate: string, endDate: string): Contract => ({
    id: `ctr_${startDate}`,
    accountId: 'acc_1',
    kind: 'commit',
    startDate,
    endDate,
    tcvMinor: 1,
    currency: 'USD',
    opportunityId: null,
    createdBy: 'user_finance',
    createdAt: new Date('2024-01-01T00:00:00Z'),
    version: 1,
    endedOn: null,
    endedReason: null,
  });

  it.each([
    [false, [], 'new_prospect', 'New Prospect'],
    [true, [], 'plg', 'PLG Customer'],
    [true, [contract('2022-01-01', '2024-12-31')], 'plg', 'PLG Customer'],
    [false, [contract('2022-01-01', '2024-12-31')], 'new_prospect', 'New Prospect'],
    [false, [contract('2025-01-01', '2027-12-31')], 'commit_customer', 'Commit Customer'],
    [true, [contract('2025-01-01', '2027-12-31')], 'commit_customer', 'Commit Customer'],
    [false, [contract('2026-07-01', '2027-12-31')], 'new_prospect', 'New Prospect'],
  ] as const)('self-serve %s with %o on 2026-06-01 is a %s', (selfServeUsage, contracts, klass, name) => {
    const standing = describeCustomer(playbook, { selfServeUsage }, contracts, '2026-06-01');
    expect(standing).toMatchObject({ customerClass: klass, name });
    expect(standing.focus.length).toBeGreaterThan(0);
    expect(standing.activeContract !== null).toBe(klass === 'commit_customer');
  });
});
