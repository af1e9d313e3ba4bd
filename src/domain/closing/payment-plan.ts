import type { PaymentSchedule } from '../playbook/closing-settings.js';
import type { PricingOption } from './offer.js';

/** The months one invoice of each schedule covers; `upfront` is the whole term at once. */
const PERIOD_MONTHS = {
  upfront: null,
  annual: 12,
  semiannual: 6,
  quarterly: 3,
  monthly: 1,
} as const satisfies Record<PaymentSchedule, number | null>;

/** One invoice of an option's TCV: due at the start of month `dueMonth` of the term (1 = on signature). */
export interface Installment {
  number: number;
  dueMonth: number;
  /** The months of the term it pays for. */
  months: number;
  amountMinor: number;
}

/**
 * How the TCV is invoiced: one installment per period of the schedule (the last one shorter when the term is
 * not a whole number of periods). Every full period pays the same, TCV × period / term rounded down, and the
 * last installment takes what is left, so the installments add up to the TCV exactly (BigInt).
 */
export function paymentPlan(
  option: Pick<PricingOption, 'termMonths' | 'paymentSchedule' | 'tcvMinor'>,
): Installment[] {
  const term = option.termMonths;
  const period = PERIOD_MONTHS[option.paymentSchedule] ?? term;
  const tcv = BigInt(option.tcvMinor);
  const count = Math.ceil(term / period);
  const full = (tcv * BigInt(period)) / BigInt(term);
  return Array.from({ length: count }, (_, index) => {
    const last = index === count - 1;
    const months = last ? term - period * index : period;
    const amount = last ? tcv - full * BigInt(count - 1) : full;
    return { number: index + 1, dueMonth: index * period + 1, months, amountMinor: Number(amount) };
  });
}

/** Consecutive installments of the same amount, as one line of a quote: "3 payments of …, months 1, 13, 25". */
export interface PaymentRun {
  count: number;
  amountMinor: number;
  firstDueMonth: number;
  lastDueMonth: number;
  /** Months between two due dates of the run (0 for a single payment). */
  everyMonths: number;
}

/** The plan in runs of equal amounts (at most two for any schedule: the full periods and a shorter last one). */
export function paymentRuns(plan: readonly Installment[]): PaymentRun[] {
  const runs: PaymentRun[] = [];
  for (const installment of plan) {
    const run = runs.at(-1);
    if (run && run.amountMinor === installment.amountMinor) {
      run.everyMonths = installment.dueMonth - run.lastDueMonth;
      run.count += 1;
      run.lastDueMonth = installment.dueMonth;
    } else {
      runs.push({
        count: 1,
        amountMinor: installment.amountMinor,
        firstDueMonth: installment.dueMonth,
        lastDueMonth: installment.dueMonth,
        everyMonths: 0,
      });
    }
  }
  return runs;
}
