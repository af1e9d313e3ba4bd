import { describe, expect, it } from 'vitest';
import type { Opportunity, Playbook } from '../../api';
import { classColor, contractsHelp, wonDealsOf } from './customer-class';

const stage = (key: string, outcome: 'open' | 'won' | 'lost') => ({ key, outcome });

/** Northwind's shape: one pipeline, won stage not keyed `closed_won`, no renewing type. */
const northwind = {
  pipelines: [
    {
      key: 'sales',
      stages: [
        stage('appointment_scheduled', 'open'),
        stage('closed_won_deal', 'won'),
        stage('closed_lost_deal', 'lost'),
      ],
    },
  ],
  customerClasses: [
    { key: 'prospect', name: 'Prospect', when: 'otherwise' },
    { key: 'customer', name: 'Customer', when: 'contract_in_force' },
  ],
  opportunityTypes: [
    { key: 'first_cell', name: 'First Cell', pipeline: 'sales' },
    { key: 'more_cells', name: 'More Cells', pipeline: 'sales' },
  ],
} as unknown as Playbook;

const deal = (id: string, stageKey: string, pipeline = 'sales') =>
  ({ id, pipeline, stage: stageKey }) as Opportunity;

describe('the customer panel follows the playbook', () => {
  it('colours a class by the rule that makes it', () => {
    expect(classColor('contract_in_force')).toBe('violet');
    expect(classColor('self_serve_usage')).toBe('teal');
    expect(classColor('otherwise')).toBe('gray');
    expect(classColor(undefined)).toBe('gray');
  });

  it('finds the won deals by the stage’s outcome, whatever the stage is called', () => {
    const deals = [
      deal('a', 'appointment_scheduled'),
      deal('b', 'closed_won_deal'),
      deal('c', 'closed_lost_deal'),
      deal('d', 'closed_won_deal', 'elsewhere'),
    ];
    expect(wonDealsOf(deals, northwind).map((won) => won.id)).toEqual(['b']);
    expect(wonDealsOf(deals, undefined)).toEqual([]);
  });

  it('says what a contract does with the playbook’s class and type names', () => {
    expect(contractsHelp(northwind)).toBe(
      'A commit contract in force today makes the account a Customer. Finance and RevOps record contracts.',
    );
    const renewing = {
      ...northwind,
      customerClasses: [{ key: 'c', name: 'Commit Customer', when: 'contract_in_force' }],
      opportunityTypes: [
        { key: 'r', name: 'Renewal', pipeline: 'sales', renewsContract: { graceDays: 60 } },
        { key: 'x', name: 'Expansion', pipeline: 'sales', renewsContract: { graceDays: 60 } },
      ],
    } as unknown as Playbook;
    expect(contractsHelp(renewing)).toBe(
      'A commit contract in force today makes the account a Commit Customer; Renewal and Expansion deals are ' +
        'measured against its latest-ending contract. Finance and RevOps record contracts.',
    );
  });
});
