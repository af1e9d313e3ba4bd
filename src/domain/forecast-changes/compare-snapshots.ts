import type { StageOutcome } from '../playbook/playbook.js';
import { inPeriod, type PeriodRange } from './period.js';

/** One deal's forecast facts at a snapshot (or, for a deal closed since, as it stands now). */
export interface DealState {
  opportunityId: string;
  amountMinor: number;
  currency: string;
  stage: string;
  closeDate: string;
  /** open in a snapshot; won or lost for a deal closed by the later date. */
  outcome: StageOutcome;
}

export const CHANGE_KINDS = [
  'new',
  'pulled_in',
  'pushed',
  'slipped_out',
  'won',
  'lost',
  'amount_up',
  'amount_down',
  'unchanged',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface DealChange {
  opportunityId: string;
  kind: ChangeKind;
  currency: string;
  /** The deal's amount at the later date (at the earlier one when it left the period's open pipeline). */
  amountMinor: number;
  /** What the change did to the period's open pipeline: start + Σ delta = end, per currency. */
  deltaMinor: number;
  from: DealState | null;
  to: DealState;
  words: string;
}

export interface KindTotal {
  kind: ChangeKind;
  currency: string;
  count: number;
  /** Decimal strings: exact however large the sum. */
  amountMinor: string;
  deltaMinor: string;
  /** Σ converter(delta) when a converter was given (e.g. into the company currency), else null. */
  convertedDelta: number | null;
}

export interface SnapshotComparison {
  period: PeriodRange;
  changes: DealChange[];
  totals: KindTotal[];
}

/** Converts an amount in minor units of `currency` (e.g. into the company currency; src/domain/forecast). */
export type Converter = (minor: number, currency: string) => number;

/** An amount in words: minor units at the currency's ISO 4217 exponent (2 for USD, 0 for JPY). */
function money(minor: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const units = (minor / 10 ** digits).toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${units} ${currency}`;
}

function classify(
  from: DealState | null,
  to: DealState,
  period: PeriodRange,
): Omit<DealChange, 'words'> | null {
  const wasIn = from !== null && from.outcome === 'open' && inPeriod(period, from.closeDate);
  const isIn = to.outcome === 'open' && inPeriod(period, to.closeDate);
  const base = { opportunityId: to.opportunityId, currency: to.currency, from, to };
  const before = wasIn ? from.amountMinor : 0;
  if (to.outcome !== 'open') {
    if (!wasIn && !inPeriod(period, to.closeDate)) return null;
    const kind = to.outcome === 'won' ? 'won' : 'lost';
    return { ...base, kind, amountMinor: to.amountMinor, deltaMinor: -before };
  }
  if (from === null) {
    return isIn ? { ...base, kind: 'new', amountMinor: to.amountMinor, deltaMinor: to.amountMinor } : null;
  }
  if (!wasIn && !isIn) return null;
  const after = isIn ? to.amountMinor : 0;
  const delta = after - before;
  if (wasIn && !isIn) {
    const kind = to.closeDate > period.end ? 'slipped_out' : 'pulled_in';
    return { ...base, kind, amountMinor: from.amountMinor, deltaMinor: delta };
  }
  if (to.closeDate < from.closeDate)
    return { ...base, kind: 'pulled_in', amountMinor: to.amountMinor, deltaMinor: delta };
  if (to.closeDate > from.closeDate)
    return { ...base, kind: 'pushed', amountMinor: to.amountMinor, deltaMinor: delta };
  const kind = delta > 0 ? 'amount_up' : delta < 0 ? 'amount_down' : 'unchanged';
  return { ...base, kind, amountMinor: to.amountMinor, deltaMinor: delta };
}

function wordsOf(change: Omit<DealChange, 'words'>, period: PeriodRange): string {
  const { from, to, currency } = change;
  const dates = from ? `close date ${from.closeDate} → ${to.closeDate}` : '';
  const amounts =
    from && from.amountMinor !== to.amountMinor
      ? `; amount ${money(from.amountMinor, currency)} → ${money(to.amountMinor, currency)}`
      : '';
  switch (change.kind) {
    case 'new':
      return `New in ${period.label}: ${money(to.amountMinor, currency)}, closing ${to.closeDate}.`;
    case 'won':
      return `Won (${to.stage}): ${money(to.amountMinor, currency)}.`;
    case 'lost':
      return `Lost (${to.stage}): ${money(from?.amountMinor ?? to.amountMinor, currency)}.`;
    case 'slipped_out':
      return `Slipped out of ${period.label}: ${dates}${amounts}.`;
    case 'pulled_in':
      return `Pulled in: ${dates}${amounts}.`;
    case 'pushed':
      return `Pushed: ${dates}${amounts}.`;
    case 'amount_up':
      return `Amount up${amounts.replace(';', ':')}.`;
    case 'amount_down':
      return `Amount down${amounts.replace(';', ':')}.`;
    case 'unchanged':
      return `Unchanged: ${money(to.amountMinor, currency)}, closing ${to.closeDate}.`;
  }
}

function totalsOf(changes: DealChange[], convert?: Converter): KindTotal[] {
  const sums = new Map<string, { count: number; amount: bigint; delta: bigint; converted: number }>();
  for (const change of changes) {
    const key = `${change.kind}\u0000${change.currency}`;
    const sum = sums.get(key) ?? { count: 0, amount: 0n, delta: 0n, converted: 0 };
    sum.count += 1;
    sum.amount += BigInt(change.amountMinor);
    sum.delta += BigInt(change.deltaMinor);
    if (convert) sum.converted += convert(change.deltaMinor, change.currency);
    sums.set(key, sum);
  }
  return CHANGE_KINDS.flatMap((kind) =>
    [...sums.entries()]
      .filter(([key]) => key.startsWith(`${kind}\u0000`))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, sum]) => ({
        kind,
        currency: key.split('\u0000')[1] as string,
        count: sum.count,
        amountMinor: String(sum.amount),
        deltaMinor: String(sum.delta),
        convertedDelta: convert ? sum.converted : null,
      })),
  );
}

/**
 * What changed in `period` between two snapshot sets: each deal open in the period at either date gets one
 * kind — won/lost (closed by the later date), new (absent before), slipped_out (its close date left the
 * period later), pulled_in / pushed (close date earlier / later), else amount_up / amount_down / unchanged —
 * and the totals per kind and currency. `to` holds every deal of the later snapshot plus, for deals of `from`
 * no longer in it, their state now (closed, usually). Deals outside the period at both dates are left out.
 */
export function compareSnapshots(
  from: readonly DealState[],
  to: readonly DealState[],
  period: PeriodRange,
  convert?: Converter,
): SnapshotComparison {
  const before = new Map(from.map((state) => [state.opportunityId, state] as const));
  const changes: DealChange[] = [];
  for (const state of to) {
    const change = classify(before.get(state.opportunityId) ?? null, state, period);
    if (change) changes.push({ ...change, words: wordsOf(change, period) });
  }
  changes.sort(
    (a, b) =>
      CHANGE_KINDS.indexOf(a.kind) - CHANGE_KINDS.indexOf(b.kind) ||
      (a.opportunityId < b.opportunityId ? -1 : 1),
  );
  return { period, changes, totals: totalsOf(changes, convert) };
}
