import { describe, expect, it } from 'vitest';
import type { Playbook } from '../api';
import { landingPath, myDealsFirst, myDealsListFirst } from './landing';

const playbook = {
  pipelines: [{ key: 'new_business' }, { key: 'renewal' }],
  opportunityTypes: [
    { key: 'new_business', pipeline: 'new_business' },
    { key: 'upsell', pipeline: 'new_business' },
    { key: 'renewal', pipeline: 'renewal', renewsContract: { graceDays: 60 } },
    { key: 'expansion', pipeline: 'renewal', renewsContract: { graceDays: 60 } },
  ],
} as unknown as Playbook;

const as = (role: string) => landingPath({ id: 'u1', role }, playbook);

describe('where each role lands', () => {
  it('sends each role to its work', () => {
    expect(as('ae')).toBe('/board/new_business?owner=u1');
    expect(as('sdr')).toBe('/board/new_business?owner=u1');
    expect(as('se')).toBe('/board/new_business');
    expect(as('viewer')).toBe('/board/new_business');
    expect(as('csm')).toBe('/board/renewal?owner=u1');
    expect(as('vp_finance')).toBe('/deals?forecast=commit');
    expect(as('rvp')).toBe('/at-risk');
    expect(as('revops_admin')).toBe('/at-risk');
    expect(as('someone_new')).toBe('/board/new_business');
  });

  it('follows the playbook: the renewing pipeline wherever it is, and a playbook without one', () => {
    const reordered = { ...playbook, pipelines: [...playbook.pipelines].reverse() } as Playbook;
    expect(landingPath({ id: 'u1', role: 'ae' }, reordered)).toBe('/board/renewal');
    expect(landingPath({ id: 'u1', role: 'csm' }, reordered)).toBe('/board/renewal?owner=u1');
    const noRenewals = {
      pipelines: [{ key: 'sales' }],
      opportunityTypes: [{ key: 'deal', pipeline: 'sales' }],
    } as unknown as Playbook;
    expect(landingPath({ id: 'u1', role: 'csm' }, noRenewals)).toBe('/board/sales');
  });

  it('opens on one’s own deals where one owns the work', () => {
    expect(myDealsFirst('ae', playbook, 'new_business')).toBe(true);
    expect(myDealsFirst('ae', playbook, 'renewal')).toBe(false);
    expect(myDealsFirst('csm', playbook, 'renewal')).toBe(true);
    expect(myDealsFirst('csm', playbook, 'new_business')).toBe(false);
    expect(myDealsFirst('rvp', playbook, 'new_business')).toBe(false);
    expect(myDealsFirst('ae', playbook, 'nope')).toBe(false);
    expect(myDealsListFirst('sdr')).toBe(true);
    expect(myDealsListFirst('vp_finance')).toBe(false);
  });
});
