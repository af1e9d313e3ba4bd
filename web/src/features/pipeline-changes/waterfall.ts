import type { ChangeKind, ForecastChanges } from '../../api';

/** One bar of the waterfall: an invisible base and the visible step on it (major units of one currency). */
export interface WaterfallBar {
  label: string;
  kind: ChangeKind | 'start' | 'end';
  base: number;
  value: number;
  /** The signed change (start and end: the level itself). */
  delta: number;
}

export const KIND_LABELS: Record<ChangeKind, string> = {
  new: 'New',
  pulled_in: 'Pulled in',
  pushed: 'Pushed',
  slipped_out: 'Slipped out',
  won: 'Won',
  lost: 'Lost',
  amount_up: 'Amount up',
  amount_down: 'Amount down',
  unchanged: 'Unchanged',
};

const STEPS: ChangeKind[] = [
  'new',
  'pulled_in',
  'pushed',
  'amount_up',
  'amount_down',
  'slipped_out',
  'won',
  'lost',
];

/**
 * The period's open pipeline in `currency` at the earlier snapshot, each kind's change as a step, and the
 * pipeline at the later one (start + Σ steps = end). Amounts in major units (cents / 100) for the chart only.
 */
export function waterfallBars(answer: ForecastChanges, currency: string): WaterfallBar[] {
  const { period } = answer;
  const inPeriod = (date: string) => date >= period.start && date <= period.end;
  const startMinor = answer.changes
    .filter((change) => change.currency === currency && change.from?.outcome === 'open')
    .filter((change) => inPeriod(change.from?.closeDate ?? ''))
    .reduce((sum, change) => sum + (change.from?.amountMinor ?? 0), 0);
  const bars: WaterfallBar[] = [
    { label: 'Start', kind: 'start', base: 0, value: startMinor / 100, delta: startMinor / 100 },
  ];
  let level = startMinor / 100;
  for (const kind of STEPS) {
    const total = answer.totals.find((entry) => entry.kind === kind && entry.currency === currency);
    if (!total) continue;
    const delta = Number(total.deltaMinor) / 100;
    bars.push({
      label: KIND_LABELS[kind],
      kind,
      base: delta >= 0 ? level : level + delta,
      value: Math.abs(delta),
      delta,
    });
    level += delta;
  }
  bars.push({ label: 'End', kind: 'end', base: 0, value: level, delta: level });
  return bars;
}

/** The currencies the answer has totals in, most deals first. */
export function currenciesOf(answer: ForecastChanges): string[] {
  const counts = new Map<string, number>();
  for (const total of answer.totals)
    counts.set(total.currency, (counts.get(total.currency) ?? 0) + total.count);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([currency]) => currency);
}
