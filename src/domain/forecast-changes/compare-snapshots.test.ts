import { describe, expect, it } from 'vitest';
import { compareSnapshots, type DealState } from './compare-snapshots.js';
import { type PeriodRange, parsePeriod, quarterOf } from './period.js';
import { isPush } from './push.js';

const q4 = parsePeriod('2026-Q4') as PeriodRange;
const open = (id: string, closeDate: string, amountMinor: number, currency = 'USD'): DealState => ({
  opportunityId: id,
  amountMinor,
  currency,
  stage: 'discover',
  closeDate,
  outcome: 'open',
});
const closed = (state: DealState, outcome: 'won' | 'lost', amountMinor = state.amountMinor): DealState => ({
  ...state,
  amountMinor,
  stage: outcome === 'won' ? 'closed_won' : 'closed_lost',
  outcome,
});

// Hand-checked: Q4 opens (from) with C 300 + D 700 + E 400 + F 200 + G 100 + I 250 = 1950 USD and H 900 EUR;
// it ends (to) with A 1000 + B 500 + C 300 + G 150 + I 250 = 2200 USD and H 600 EUR.
const from = [
  open('B', '2027-01-20', 500),
  open('C', '2026-10-10', 300),
  open('D', '2026-12-15', 700),
  open('E', '2026-11-01', 400),
  open('F', '2026-12-01', 200),
  open('G', '2026-11-11', 100),
  open('H', '2026-11-12', 900, 'EUR'),
  open('I', '2026-10-30', 250),
  open('J', '2027-03-01', 800),
];
const to = [
  open('A', '2026-11-15', 1000),
  open('B', '2026-12-10', 500),
  open('C', '2026-12-20', 300),
  open('D', '2027-02-01', 700),
  closed(open('E', '2026-11-20', 400), 'won', 450),
  closed(open('F', '2026-12-01', 200), 'lost'),
  open('G', '2026-11-11', 150),
  open('H', '2026-11-12', 600, 'EUR'),
  open('I', '2026-10-30', 250),
  open('J', '2027-03-01', 800),
];

describe('compareSnapshots', () => {
  const result = compareSnapshots(from, to, q4);
  const kindOf = (id: string) => result.changes.find((change) => change.opportunityId === id)?.kind;

  it('gives each deal of the period its one kind, and leaves out deals outside it at both dates', () => {
    expect(Object.fromEntries(result.changes.map((change) => [change.opportunityId, change.kind]))).toEqual({
      A: 'new',
      B: 'pulled_in',
      C: 'pushed',
      D: 'slipped_out',
      E: 'won',
      F: 'lost',
      G: 'amount_up',
      H: 'amount_down',
      I: 'unchanged',
    });
    expect(kindOf('J')).toBeUndefined();
  });

  it('totals each kind per currency, and start + Σ delta = end', () => {
    const usd = result.totals.filter((total) => total.currency === 'USD');
    expect(usd.map((total) => [total.kind, total.count, total.amountMinor, total.deltaMinor])).toEqual([
      ['new', 1, '1000', '1000'],
      ['pulled_in', 1, '500', '500'],
      ['pushed', 1, '300', '0'],
      ['slipped_out', 1, '700', '-700'],
      ['won', 1, '450', '-400'],
      ['lost', 1, '200', '-200'],
      ['amount_up', 1, '150', '50'],
      ['unchanged', 1, '250', '0'],
    ]);
    expect(1950 + usd.reduce((sum, total) => sum + Number(total.deltaMinor), 0)).toBe(2200);
    expect(result.totals.filter((total) => total.currency === 'EUR')).toEqual([
      {
        kind: 'amount_down',
        currency: 'EUR',
        count: 1,
        amountMinor: '600',
        deltaMinor: '-300',
        convertedDelta: null,
      },
    ]);
  });

  it('says what happened in words', () => {
    const words = (id: string) => result.changes.find((change) => change.opportunityId === id)?.words;
    expect(words('D')).toBe('Slipped out of 2026-Q4: close date 2026-12-15 → 2027-02-01.');
    expect(words('G')).toBe('Amount up: amount 1.00 USD → 1.50 USD.');
    expect(words('A')).toBe('New in 2026-Q4: 10.00 USD, closing 2026-11-15.');
    expect(words('E')).toBe('Won (closed_won): 4.50 USD.');
  });

  it('converts the deltas with the converter it is given', () => {
    const converted = compareSnapshots(from, to, q4, (minor, currency) =>
      currency === 'EUR' ? minor * 2 : minor,
    );
    const eur = converted.totals.find((total) => total.currency === 'EUR');
    expect(eur?.convertedDelta).toBe(-600);
  });

  it('a deal moved from an earlier period into this one later is pushed in; one moved before it is pulled in', () => {
    const moved = compareSnapshots(
      [open('K', '2026-09-20', 100), open('L', '2026-10-05', 100)],
      [open('K', '2026-10-03', 100), open('L', '2026-09-28', 100)],
      q4,
    );
    expect(moved.changes.map((change) => [change.opportunityId, change.kind, change.deltaMinor])).toEqual([
      ['L', 'pulled_in', -100],
      ['K', 'pushed', 100],
    ]);
  });
});

describe('periods and pushes', () => {
  it('names calendar months, quarters and years', () => {
    expect(parsePeriod('2026-02')).toEqual({ label: '2026-02', start: '2026-02-01', end: '2026-02-28' });
    expect(parsePeriod('2026-Q4')).toEqual({ label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(parsePeriod('2028')).toEqual({ label: '2028', start: '2028-01-01', end: '2028-12-31' });
    expect(parsePeriod('2026-Q5')).toBeNull();
    expect(quarterOf('2026-05-17').label).toBe('2026-Q2');
  });

  it('a push moves the close date later into a later month', () => {
    expect(isPush('2026-11-10', '2026-12-01')).toBe(true);
    expect(isPush('2026-12-31', '2027-01-01')).toBe(true);
    expect(isPush('2026-11-01', '2026-11-30')).toBe(false);
    expect(isPush('2026-12-01', '2026-11-10')).toBe(false);
  });
});
