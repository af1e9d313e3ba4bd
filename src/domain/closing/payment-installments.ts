import type { PaymentSchedule } from '../playbook/closing-settings.js';

/** Months between two charges of each schedule; upfront is one charge at the start. */
const PERIOD_MONTHS = {
  upfront: null,
  annual: 12,
  semiannual: 6,
  quarterly: 3,
  monthly: 1,
} as const satisfies Record<PaymentSchedule, number | null>;

export interface Installment {
  /** 'YYYY-MM-DD' */
  chargeDate: string;
  amountMinor: bigint;
}

/** `date` ('YYYY-MM-DD') plus whole months, the day clamped to the month's last (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, lastDay), 2)}`;
}

/**
 * The charges of an option's contract value over its term: one at the start for upfront, else one per
 * period from the start date (a last, shorter period still charges). The total is split in equal minor
 * units; the remainder goes to the first charge, so the charges always add up to the TCV exactly.
 */
export function installmentsFor(terms: {
  tcvMinor: bigint;
  termMonths: number;
  schedule: PaymentSchedule;
  startDate: string;
}): Installment[] {
  const period = PERIOD_MONTHS[terms.schedule];
  const count = period === null ? 1 : Math.max(1, Math.ceil(terms.termMonths / period));
  const each = terms.tcvMinor / BigInt(count);
  const remainder = terms.tcvMinor - each * BigInt(count);
  return Array.from({ length: count }, (_, index) => ({
    chargeDate: addMonths(terms.startDate, index * (period ?? 0)),
    amountMinor: index === 0 ? each + remainder : each,
  }));
}
