import { describe, expect, it } from 'vitest';
import { firebolt } from '../../../test/support/playbook-fixtures.js';
import type { Contract } from '../contract/contract.js';
import { judgeTypeFit } from './type-fit.js';

const playbook = firebolt();
const TODAY = '2026-06-01';

const contract = (startDate: string, endDate: string, id = `ctr_${startDate}`): Contract => ({
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
});

const inForce = [contract('2025-01-01', '2027-12-31')];
const prospect = { selfServeUsage: false, contracts: [] };
const plg = { selfServeUsage: true, contracts: [] };
const customer = { selfServeUsage: false, contracts: inForce };

describe('deal type against the customer class', () => {
  it.each([
    ['new_business', prospect, true],
    ['new_business', plg, true],
    ['new_business', customer, false],
    ['upsell', plg, false],
    ['upsell', customer, true],
    ['renewal', prospect, false],
    ['expansion', { ...customer, selfServeUsage: true }, true],
  ] as const)('%s for %o fits: %s', (type, account, fits) => {
    const fit = judgeTypeFit(playbook, type, account, TODAY);
    expect(fit.fits).toBe(fits);
    expect(fit.focus.length).toBeGreaterThan(0);
  });

  it('names the class and the types the playbook has for it', () => {
    expect(judgeTypeFit(playbook, 'upsell', plg, TODAY)).toEqual({
      fits: false,
      customerClass: 'plg',
      className: 'PLG Customer',
      focus: 'Conversion readiness, usage growth validation, expansion planning',
      allowedTypes: ['new_business'],
      graceUntil: null,
      message:
        'Upsell is for a Commit Customer; this account is a PLG Customer, for which the playbook has New Business.',
    });
    expect(judgeTypeFit(playbook, 'new_business', customer, TODAY).allowedTypes).toEqual([
      'upsell',
      'renewal',
      'expansion',
    ]);
  });

  describe('a Renewal or Expansion after the contract it renews ended', () => {
    const lapsed = { selfServeUsage: false, contracts: [contract('2025-05-01', '2026-04-30')] };

    it('still fits within the playbook’s grace period (60 days), and says until when', () => {
      const fit = judgeTypeFit(playbook, 'renewal', lapsed, '2026-06-29');
      expect(fit).toMatchObject({ fits: true, customerClass: 'new_prospect', graceUntil: '2026-06-29' });
      expect(fit.message).toContain('grace runs until 2026-06-29');
      expect(fit.allowedTypes).toEqual(['new_business', 'renewal', 'expansion']);
    });

    it('no longer fits the day after the grace ends; an Upsell never gets a grace', () => {
      expect(judgeTypeFit(playbook, 'renewal', lapsed, '2026-06-30')).toMatchObject({
        fits: false,
        graceUntil: null,
        allowedTypes: ['new_business'],
      });
      expect(judgeTypeFit(playbook, 'upsell', lapsed, '2026-05-15').fits).toBe(false);
    });

    it('the contract booked from the deal itself is not the one it renews', () => {
      const own = { ...contract('2026-05-01', '2026-05-10', 'ctr_own'), opportunityId: 'opp_1' };
      const account = { selfServeUsage: false, contracts: [own] };
      expect(judgeTypeFit(playbook, 'renewal', account, '2026-06-01', 'opp_1').fits).toBe(false);
      expect(judgeTypeFit(playbook, 'renewal', account, '2026-06-01', 'opp_2').fits).toBe(true);
    });
  });
});
