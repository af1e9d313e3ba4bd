import { describe, expect, it } from 'vitest';
import { firebolt } from '../../../test/support/playbook-fixtures.js';
import type { Contract } from './contract.js';
import { checkRenewalUplift } from './renewal-uplift.js';

const playbook = firebolt();
const previous: Contract = {
  id: 'ctr_1',
  accountId: 'acc_1',
  kind: 'commit',
  startDate: '2024-01-01',
  endDate: '2026-12-31',
  tcvMinor: 100_000_00,
  currency: 'USD',
  opportunityId: null,
  createdBy: 'user_finance',
  createdAt: new Date('2024-01-01T00:00:00Z'),
  version: 1,
  endedOn: null,
  endedReason: null,
};
const deal = (type: string, amountMinor: number, currency = 'USD') => ({ type, amountMinor, currency });

describe('Renewal vs Expansion by TCV uplift (threshold 20%)', () => {
  it('reads the threshold from the playbook', () => {
    expect(playbook.contracts?.expansionUpliftThreshold).toBe(0.2);
  });

  it.each([
    // type, amount, fits, upliftPct, expectedType
    ['renewal', 100_000_00, true, 0, 'renewal'],
    ['renewal', 105_000_00, true, 5, 'renewal'],
    ['renewal', 119_999_99, true, 19.9, 'renewal'],
    ['renewal', 120_000_00, false, 20, 'expansion'],
    ['renewal', 90_000_00, true, -10, 'renewal'],
    ['expansion', 120_000_00, true, 20, 'expansion'],
    ['expansion', 119_999_99, false, 19.9, 'renewal'],
    ['expansion', 135_000_00, true, 35, 'expansion'],
    ['expansion', 105_000_00, false, 5, 'renewal'],
    ['expansion', 300_000_00, true, 200, 'expansion'],
  ] as const)('%s at %i minor: fits %s, %s%% → %s', (type, amount, fits, upliftPct, expectedType) => {
    const verdict = checkRenewalUplift(playbook, deal(type, amount), previous);
    expect(verdict).toMatchObject({ fits, upliftPct, expectedType });
    expect(verdict?.previousContract).toEqual({
      id: 'ctr_1',
      endDate: '2026-12-31',
      tcvMinor: 100_000_00,
      currency: 'USD',
    });
  });

  it.each([
    [
      'expansion',
      135_000_00,
      'Expansion: 35% TCV uplift over the contract ending 2026-12-31 (threshold 20%).',
    ],
    [
      'renewal',
      105_000_00,
      'Renewal: 5% TCV uplift over the contract ending 2026-12-31 (below the 20% threshold).',
    ],
    ['expansion', 105_000_00, 'This is a Renewal (5% uplift, below 20%); typed as Expansion.'],
    ['renewal', 135_000_00, 'This is an Expansion (35% uplift, at or above 20%); typed as Renewal.'],
    [
      'renewal',
      90_000_00,
      'Renewal: 10% TCV decrease over the contract ending 2026-12-31 (below the 20% threshold).',
    ],
    ['expansion', 119_950_00, 'This is a Renewal (19.9% uplift, below 20%); typed as Expansion.'],
  ])('%s at %i says: %s', (type, amount, message) => {
    expect(checkRenewalUplift(playbook, deal(type, amount), previous)?.message).toBe(message);
  });

  it.each([
    [
      'no previous contract',
      deal('renewal', 100_000_00),
      null,
      'No previous commit contract to compare this Renewal with: record the contract it renews.',
    ],
    [
      'another currency',
      deal('expansion', 150_000_00, 'EUR'),
      previous,
      'Cannot compare: the deal is in EUR, the contract ending 2026-12-31 in USD.',
    ],
    [
      'a contract without TCV',
      deal('renewal', 10_00),
      { ...previous, tcvMinor: 0 },
      'Cannot compare: the contract ending 2026-12-31 has no TCV.',
    ],
  ] as const)('cannot compare with %s', (_label, input, contract, message) => {
    expect(checkRenewalUplift(playbook, input, contract)).toMatchObject({
      fits: null,
      upliftPct: null,
      expectedType: null,
      message,
    });
  });

  it('takes the threshold from the playbook, exact at the boundary', () => {
    const strict = { ...playbook, contracts: { expansionUpliftThreshold: 0.07 } };
    expect(checkRenewalUplift(strict, deal('renewal', 107_000_00), previous)?.expectedType).toBe('expansion');
    expect(checkRenewalUplift(strict, deal('renewal', 106_999_99), previous)?.expectedType).toBe('renewal');
  });

  it.each(['new_business', 'upsell'])('has nothing to say about %s deals', (type) => {
    expect(checkRenewalUplift(playbook, deal(type, 1), previous)).toBeNull();
  });
});
