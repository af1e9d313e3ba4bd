import { describe, expect, it } from 'vitest';
import { activeCommitContract, type Contract, dayOf, previousCommitContract } from './contract.js';

const contract = (
  id: string,
  startDate: string,
  endDate: string,
  extra: Partial<Contract> = {},
): Contract => ({
  id,
  accountId: 'acc_1',
  kind: 'commit',
  startDate,
  endDate,
  tcvMinor: 100_000_00,
  currency: 'USD',
  opportunityId: null,
  createdBy: 'user_finance',
  createdAt: new Date('2024-01-01T00:00:00Z'),
  version: 1,
  endedOn: null,
  endedReason: null,
  ...extra,
});

const past = contract('ctr_past', '2022-01-01', '2023-12-31');
const current = contract('ctr_current', '2024-01-01', '2026-12-31');
const overlapping = contract('ctr_overlap', '2025-06-01', '2026-05-31');
const future = contract('ctr_future', '2027-01-01', '2029-12-31', { opportunityId: 'opp_renewal' });

describe('the active commit contract', () => {
  it.each([
    ['no contracts', [], '2026-06-01', null],
    ['only an expired one', [past], '2026-06-01', null],
    ['one in force', [past, current], '2026-06-01', 'ctr_current'],
    ['on its first day', [current], '2024-01-01', 'ctr_current'],
    ['on its last day', [current], '2026-12-31', 'ctr_current'],
    ['the day after it ended', [current], '2027-01-01', null],
    ['one not started yet', [future], '2026-06-01', null],
    ['two in force: the longer-running', [overlapping, current], '2026-01-15', 'ctr_current'],
  ] as const)('%s → %s', (_label, contracts, today, expected) => {
    expect(activeCommitContract(contracts, today)?.id ?? null).toBe(expected);
  });
});

describe('the previous contract (the one a renewal renews)', () => {
  it.each([
    ['none recorded', [], null, null],
    ['the latest-ending one', [past, current, overlapping], null, 'ctr_current'],
    ['even when it ended', [past], null, 'ctr_past'],
    ['the future one for another deal', [current, future], 'opp_other', 'ctr_future'],
    ['not the one recorded from the deal itself', [current, future], 'opp_renewal', 'ctr_current'],
  ] as const)('%s → %s', (_label, contracts, opportunityId, expected) => {
    expect(previousCommitContract(contracts, opportunityId)?.id ?? null).toBe(expected);
  });

  it('is one that had started when the deal was opened, not one another deal won since', () => {
    const wonSince = contract('ctr_won_since', '2027-01-01', '2027-12-31', {
      opportunityId: 'opp_other',
      createdAt: new Date('2026-10-01T00:00:00Z'),
    });
    const openedAt = new Date('2026-09-01T00:00:00Z');
    expect(previousCommitContract([current, wonSince], 'opp_renewal', openedAt)?.id).toBe('ctr_current');
    expect(previousCommitContract([current, wonSince], 'opp_renewal')?.id).toBe('ctr_won_since');
  });
});

describe('dayOf', () => {
  it('is the UTC calendar day', () => {
    expect(dayOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12-31');
  });
});
