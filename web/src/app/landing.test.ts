import { describe, expect, it } from 'vitest';
import type { Playbook } from '../api';
import { approves, landingPath, myDealsFirst, myDealsListFirst } from './landing';

/** Two pipelines: one of types that win and grow business, one of types that renew a contract. */
const playbook = {
  pipelines: [{ key: 'acquire' }, { key: 'keep' }],
  opportunityTypes: [
    { key: 'first_deal', pipeline: 'acquire' },
    { key: 'more', pipeline: 'acquire' },
    { key: 'renew', pipeline: 'keep', renewsContract: { graceDays: 60 } },
    { key: 'renew_up', pipeline: 'keep', renewsContract: { graceDays: 60 } },
  ],
} as unknown as Playbook;

/** One pipeline keyed `sales`, no type renews a contract (Northwind's shape). */
const onePipeline = {
  pipelines: [{ key: 'sales' }],
  opportunityTypes: [
    { key: 'first_cell', pipeline: 'sales' },
    { key: 'more_cells', pipeline: 'sales' },
  ],
} as unknown as Playbook;

const ROLES = ['ae', 'sdr', 'se', 'csm', 'rvp', 'vp_finance', 'revops_admin', 'viewer', 'someone_new'];

const as = (role: string, on: Playbook = playbook) => landingPath({ id: 'u1', role }, on);

describe('where each role lands', () => {
  it('sends each role to its work', () => {
    expect(as('ae')).toBe('/board/acquire?owner=u1');
    expect(as('sdr')).toBe('/board/acquire?owner=u1');
    expect(as('se')).toBe('/board/acquire');
    expect(as('viewer')).toBe('/board/acquire');
    expect(as('csm')).toBe('/board/keep?owner=u1');
    expect(as('vp_finance')).toBe('/deals?forecast=commit');
    expect(as('rvp')).toBe('/at-risk');
    expect(as('revops_admin')).toBe('/at-risk');
    expect(as('someone_new')).toBe('/board/acquire');
  });

  it("lands Finance on its approvals when the playbook's chain has a Finance step, else on the Commit deals", () => {
    const withChain = (roles: string[]) =>
      ({
        ...playbook,
        closing: { approvals: roles.map((role) => ({ key: role, role })) },
      }) as unknown as Playbook;
    expect(as('vp_finance', withChain(['rvp', 'vp_finance']))).toBe('/approvals');
    expect(as('vp_finance', withChain(['rvp']))).toBe('/deals?forecast=commit');
    // An RVP approves too, but a manager's first look stays the deals at risk (the inbox count is in the nav).
    expect(as('rvp', withChain(['rvp', 'vp_finance']))).toBe('/at-risk');
    expect(approves('rvp', withChain(['rvp']))).toBe(true);
    expect(approves('ae', withChain(['rvp', 'vp_finance']))).toBe(false);
    expect(approves('vp_finance', playbook)).toBe(false);
  });

  it('lands every board role on the one pipeline of a playbook that has one, whatever its key', () => {
    for (const role of ROLES) {
      const path = as(role, onePipeline);
      if (role === 'vp_finance') expect(path).toBe('/deals?forecast=commit');
      else if (role === 'rvp' || role === 'revops_admin') expect(path).toBe('/at-risk');
      else expect(path).toMatch(/^\/board\/sales(\?owner=u1)?$/);
    }
    // The AE owns the selling there; the CSM has no renewals to own, so sees every deal.
    expect(as('ae', onePipeline)).toBe('/board/sales?owner=u1');
    expect(as('csm', onePipeline)).toBe('/board/sales');
  });

  it('finds the renewing and the selling pipeline wherever the playbook lists them', () => {
    const reordered = { ...playbook, pipelines: [...playbook.pipelines].reverse() } as Playbook;
    expect(as('csm', reordered)).toBe('/board/keep?owner=u1');
    expect(as('ae', reordered)).toBe('/board/acquire?owner=u1');
    expect(as('se', reordered)).toBe('/board/acquire');
    // A viewer lands on the first pipeline the playbook lists.
    expect(as('viewer', reordered)).toBe('/board/keep');
  });

  it('lands a CSM on a pipeline with a renewing type, even one that also sells', () => {
    const mixed = {
      pipelines: [{ key: 'deals' }, { key: 'service' }],
      opportunityTypes: [
        { key: 'new_logo', pipeline: 'deals' },
        { key: 'service_plan', pipeline: 'service' },
        { key: 'service_renewal', pipeline: 'service', renewsContract: { graceDays: 30 } },
      ],
    } as unknown as Playbook;
    expect(as('csm', mixed)).toBe('/board/service?owner=u1');
    expect(as('ae', mixed)).toBe('/board/deals?owner=u1');
  });

  it('sends board roles to the deals list when the playbook has no pipeline', () => {
    const empty = { pipelines: [], opportunityTypes: [] } as unknown as Playbook;
    expect(as('ae', empty)).toBe('/deals');
    expect(as('csm', empty)).toBe('/deals');
  });

  it('opens on one’s own deals where one owns the work', () => {
    expect(myDealsFirst('ae', playbook, 'acquire')).toBe(true);
    expect(myDealsFirst('ae', playbook, 'keep')).toBe(false);
    expect(myDealsFirst('csm', playbook, 'keep')).toBe(true);
    expect(myDealsFirst('csm', playbook, 'acquire')).toBe(false);
    expect(myDealsFirst('rvp', playbook, 'acquire')).toBe(false);
    expect(myDealsFirst('ae', playbook, 'nope')).toBe(false);
    expect(myDealsFirst('ae', onePipeline, 'sales')).toBe(true);
    expect(myDealsFirst('csm', onePipeline, 'sales')).toBe(false);
    expect(myDealsListFirst('sdr')).toBe(true);
    expect(myDealsListFirst('vp_finance')).toBe(false);
  });
});
