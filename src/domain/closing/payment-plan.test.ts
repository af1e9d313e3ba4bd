import { describe, expect, it } from 'vitest';
import type { PaymentSchedule } from '../playbook/closing-settings.js';
import { paymentPlan, paymentRuns } from './payment-plan.js';

const plan = (termMonths: number, paymentSchedule: PaymentSchedule, tcvMinor: number) =>
  paymentPlan({ termMonths, paymentSchedule, tcvMinor });
const amounts = (installments: ReturnType<typeof plan>) => installments.map((i) => i.amountMinor);

describe('how a TCV is invoiced', () => {
  it.each([
    ['upfront', 36, 300_000_00, [300_000_00], [1]],
    ['annual', 36, 300_000_00, [100_000_00, 100_000_00, 100_000_00], [1, 13, 25]],
    ['annual', 18, 150_000_00, [100_000_00, 50_000_00], [1, 13]],
    ['semiannual', 12, 100_000_01, [50_000_00, 50_000_01], [1, 7]],
    ['quarterly', 12, 101, [25, 25, 25, 26], [1, 4, 7, 10]],
  ] as const)('%s over %i months', (schedule, term, tcv, expected, dueMonths) => {
    const installments = plan(term, schedule, tcv);
    expect(amounts(installments)).toEqual(expected);
    expect(installments.map((i) => i.dueMonth)).toEqual(dueMonths);
  });

  it('adds up to the TCV exactly, for every schedule and term', () => {
    for (const schedule of ['upfront', 'annual', 'semiannual', 'quarterly', 'monthly'] as const)
      for (const term of [1, 5, 12, 13, 35, 120])
        for (const tcv of [0, 1, 999, 123_456_789, 999_999_999_999_999]) {
          const installments = plan(term, schedule, tcv);
          expect(installments.reduce((sum, i) => sum + BigInt(i.amountMinor), 0n)).toBe(BigInt(tcv));
          expect(installments.reduce((sum, i) => sum + i.months, 0)).toBe(term);
        }
  });

  it('groups equal consecutive payments into runs', () => {
    expect(paymentRuns(plan(120, 'monthly', 120_000_00 + 7))).toEqual([
      { count: 119, amountMinor: 1_000_00, firstDueMonth: 1, lastDueMonth: 119, everyMonths: 1 },
      { count: 1, amountMinor: 1_000_07, firstDueMonth: 120, lastDueMonth: 120, everyMonths: 0 },
    ]);
    expect(paymentRuns(plan(36, 'annual', 300_000_00))).toEqual([
      { count: 3, amountMinor: 100_000_00, firstDueMonth: 1, lastDueMonth: 25, everyMonths: 12 },
    ]);
  });
});
