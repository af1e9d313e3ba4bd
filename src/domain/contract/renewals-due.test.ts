import { describe, expect, it } from 'vitest';
import { firebolt } from '../../../test/support/playbook-fixtures.js';
import type { Contract } from './contract.js';
import { isRenewalDue, renewalDealFor, shiftDay } from './renewals-due.js';

const settings = { leadDays: 120, type: 'renewal', source: 'customer_success' };
const contract: Contract = {
  id: 'ctr_1',
  accountId: 'acc_1',
  kind: 'commit',
  startDate: '2025-03-01',
  endDate: '2027-02-28',
  tcvMinor: 120_000_00,
  currency: 'GBP',
  opportunityId: null,
  createdBy: 'user_fin',
  createdAt: new Date('2025-02-20T00:00:00Z'),
  version: 1,
  endedOn: null,
  endedReason: null,
};

describe('which contracts are due for renewal', () => {
  it('shifts calendar days across months, leap days and years', () => {
    expect(shiftDay('2027-02-28', -120)).toBe('2026-10-31');
    expect(shiftDay('2028-02-28', 1)).toBe('2028-02-29');
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('is due from end − leadDays through its last day, not before and not after', () => {
    expect(isRenewalDue(settings, contract, '2026-10-30')).toBe(false);
    expect(isRenewalDue(settings, contract, '2026-10-31')).toBe(true);
    expect(isRenewalDue(settings, contract, '2027-02-28')).toBe(true);
    expect(isRenewalDue(settings, contract, '2027-03-01')).toBe(false);
    expect(isRenewalDue({ ...settings, leadDays: 0 }, contract, '2027-02-28')).toBe(true);
  });

  it('is never due once Finance ended it early', () => {
    const ended = { ...contract, endedOn: '2026-09-30', endedReason: 'insolvency' };
    expect(isRenewalDue(settings, ended, '2026-11-15')).toBe(false);
  });
});

describe('the renewal deal', () => {
  const account = { id: 'acc_1', name: 'Globex', ownerId: 'user_ae', csmId: 'user_csm' };

  it('is the contract TCV in its currency, closing when it ends, owned by the CSM', () => {
    expect(renewalDealFor(firebolt(), settings, contract, account)).toEqual({
      accountId: 'acc_1',
      name: 'Globex — Renewal of the contract ending 2027-02-28',
      type: 'renewal',
      amountMinor: 120_000_00,
      currency: 'GBP',
      closeDate: '2027-02-28',
      ownerId: 'user_csm',
      source: 'customer_success',
      renewsContractId: 'ctr_1',
    });
  });

  it('falls back to the account owner, and to the first lead source', () => {
    const deal = renewalDealFor(firebolt(), { leadDays: 90, type: 'renewal' }, contract, {
      ...account,
      csmId: null,
    });
    expect([deal.ownerId, deal.source]).toEqual(['user_ae', 'sdr']);
  });
});
