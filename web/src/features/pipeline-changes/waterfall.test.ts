import { describe, expect, it } from 'vitest';
import type { ForecastChanges } from '../../api';
import { currenciesOf, waterfallBars } from './waterfall';

const state = (closeDate: string, amountMinor: number) => ({
  amountMinor,
  currency: 'USD',
  stage: 's',
  closeDate,
  outcome: 'open' as const,
});
const answer = {
  period: { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' },
  pipeline: null,
  fromSnapshotAt: '2026-11-02T09:00:00.000Z',
  toSnapshotAt: '2026-11-09T09:00:00.000Z',
  changes: [
    {
      opportunityId: 'a',
      name: 'A',
      ownerId: 'u',
      kind: 'new',
      currency: 'USD',
      amountMinor: 200_00,
      deltaMinor: 200_00,
      from: null,
      to: state('2026-12-01', 200_00),
      words: '',
    },
    {
      opportunityId: 'b',
      name: 'B',
      ownerId: 'u',
      kind: 'slipped_out',
      currency: 'USD',
      amountMinor: 1000_00,
      deltaMinor: -1000_00,
      from: state('2026-12-10', 1000_00),
      to: state('2027-01-15', 1000_00),
      words: '',
    },
    {
      opportunityId: 'c',
      name: 'C',
      ownerId: 'u',
      kind: 'unchanged',
      currency: 'USD',
      amountMinor: 500_00,
      deltaMinor: 0,
      from: state('2026-11-10', 500_00),
      to: state('2026-11-10', 500_00),
      words: '',
    },
  ],
  totals: [
    {
      kind: 'new',
      currency: 'USD',
      count: 1,
      amountMinor: '20000',
      deltaMinor: '20000',
      convertedDelta: null,
    },
    {
      kind: 'slipped_out',
      currency: 'USD',
      count: 1,
      amountMinor: '100000',
      deltaMinor: '-100000',
      convertedDelta: null,
    },
    {
      kind: 'unchanged',
      currency: 'USD',
      count: 1,
      amountMinor: '50000',
      deltaMinor: '0',
      convertedDelta: null,
    },
  ],
} satisfies ForecastChanges;

describe('waterfallBars', () => {
  it('steps from the start level through each kind to the end level', () => {
    expect(waterfallBars(answer, 'USD').map((bar) => [bar.label, bar.base, bar.value])).toEqual([
      ['Start', 0, 1500],
      ['New', 1500, 200],
      ['Slipped out', 700, 1000],
      ['End', 0, 700],
    ]);
    expect(currenciesOf(answer)).toEqual(['USD']);
  });
});
