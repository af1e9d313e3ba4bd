import { describe, expect, it } from 'vitest';
import type { Playbook } from '../../api';
import { parseCsv } from './csv-text';
import { mappedValues, readMapping } from './mapping-values';

const playbook = {
  opportunityTypes: [{ key: 'new_business', name: 'New Business', pipeline: 'nb' }],
  pipelines: [
    {
      key: 'nb',
      name: 'New Business',
      stages: [
        { key: 'created', name: 'Opportunity Created' },
        { key: 'won', name: 'Closed Won' },
      ],
    },
  ],
} as unknown as Playbook;

const MAPPING = `
stages:
  nb: { Prospecting: created, Closed Won: won, Odd: nowhere }
types: { New Customer: new_business }
owners: { 005A: maya@example.com }
currencies: { default: USD }
`;

describe('the values of the uploaded files beside the mapping', () => {
  it('maps stage names in the pipeline of their rows’ type, and flags what it does not map', () => {
    const read = readMapping(MAPPING);
    if (!('mapping' in read)) throw new Error(read.error);
    const opportunities = parseCsv(
      'Id,StageName,Type,CurrencyIsoCode,OwnerId\n' +
        '1,Prospecting,New Customer,EUR,005A\n2,Prospecting,New Customer,,\n3,Vibes,New Customer,XYZ,005B\n' +
        '4,Odd,New Customer,USD,\n5,Closed Won,Partner,USD,\n',
    );
    const { values, refusedRows } = mappedValues(playbook, read.mapping, { accounts: null, opportunities });
    // Row 3 (stage, currency, owner), row 4 (stage), row 5 (type, hence stage): three rows.
    expect(refusedRows).toBe(3);
    const find = (field: string, value: string) =>
      values.find((each) => each.field === field && each.value === value);
    expect(find('StageName', 'Prospecting')).toMatchObject({
      pipeline: 'New Business',
      rows: 2,
      mappedTo: 'Opportunity Created',
    });
    expect(find('StageName', 'Vibes')).toMatchObject({ mappedTo: null, note: 'not mapped for New Business' });
    expect(find('StageName', 'Odd')).toMatchObject({
      mappedTo: null,
      note: 'nowhere is not a stage of New Business',
    });
    expect(find('StageName', 'Closed Won')).toMatchObject({
      mappedTo: null,
      note: 'its rows’ Type is not mapped',
    });
    expect(find('Type', 'Partner')).toMatchObject({ mappedTo: null });
    expect(find('Type', 'New Customer')).toMatchObject({ rows: 4, mappedTo: 'New Business' });
    expect(find('CurrencyIsoCode', '')).toMatchObject({ mappedTo: 'USD' });
    expect(find('CurrencyIsoCode', 'XYZ')).toMatchObject({
      mappedTo: null,
      note: 'not an ISO 4217 currency',
    });
    expect(find('Owner', '005A')).toMatchObject({ mappedTo: 'maya@example.com' });
    expect(find('Owner', '005B')).toMatchObject({ mappedTo: null });
    expect(find('Owner', '')).toMatchObject({ rows: 3, mappedTo: 'the account’s owner' });
  });

  it('says why a mapping text cannot be read', () => {
    expect(readMapping('stages: [')).toMatchObject({ error: expect.stringMatching(/^Not valid YAML/) });
    expect(readMapping('- a list')).toMatchObject({
      error: expect.stringContaining('must be a YAML mapping'),
    });
  });
});
