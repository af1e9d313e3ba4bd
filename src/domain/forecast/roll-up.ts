import { err, ok, type Result } from '../result.js';
import { convertToCompany, type FxRates } from './currency.js';
import { addSums, emptySums, type Figures, isCounted, type Sums, toFigures } from './figures.js';
import type { Period } from './periods.js';

/** One SQL aggregate row: an owner's deals of one period start, category and currency. */
export interface DealSumRow {
  ownerId: string;
  periodStart: string;
  category: string;
  currency: string;
  /** Minor units of `currency`, decimal strings. */
  amountMinor: string;
  weightedMinor: string;
}

export interface ForecastOwner {
  id: string;
  name: string;
  /** users.region; null: the owner works in no region (rolled up under "no region"). */
  region: string | null;
}

export interface QuotaRow {
  ownerId: string;
  periodStart: string;
  /** Company-currency minor units. */
  amountMinor: string;
}

export interface PeriodFigures {
  periodStart: string;
  figures: Figures;
}

export interface OwnerForecast extends ForecastOwner {
  periods: PeriodFigures[];
}
export interface RegionForecast {
  region: string | null;
  ownerIds: string[];
  periods: PeriodFigures[];
}
export interface ForecastRollUp {
  company: { periods: PeriodFigures[] };
  regions: RegionForecast[];
  owners: OwnerForecast[];
}

type Cells = Map<string, Sums>;
const cellKey = (ownerId: string, periodStart: string) => `${ownerId}\u0000${periodStart}`;

function cellOf(cells: Cells, ownerId: string, periodStart: string): Sums {
  const key = cellKey(ownerId, periodStart);
  let cell = cells.get(key);
  if (!cell) {
    cell = emptySums();
    cells.set(key, cell);
  }
  return cell;
}

/** Each row converted to the company currency and added to its owner × period cell; every missing rate named. */
function ownerCells(rows: DealSumRow[], quotas: QuotaRow[], rates: FxRates): Result<Cells, string[]> {
  const cells: Cells = new Map();
  const missing = new Set<string>();
  for (const row of rows) {
    if (!isCounted(row.category)) continue;
    const amount = convertToCompany(row.amountMinor, row.currency, rates);
    const weighted = convertToCompany(row.weightedMinor, row.currency, rates);
    if (!amount.ok || !weighted.ok) {
      missing.add(row.currency);
      continue;
    }
    const cell = cellOf(cells, row.ownerId, row.periodStart);
    cell.individual[row.category] += amount.value;
    if (row.category !== 'closed') cell.weighted += weighted.value;
  }
  if (missing.size > 0) return err([...missing].sort());
  for (const quota of quotas) {
    const cell = cellOf(cells, quota.ownerId, quota.periodStart);
    cell.quota = (cell.quota ?? 0n) + BigInt(quota.amountMinor);
  }
  return ok(cells);
}

function periodFigures(periods: Period[], sumOf: (periodStart: string) => Sums): PeriodFigures[] {
  return periods.map((period) => ({ periodStart: period.start, figures: toFigures(sumOf(period.start)) }));
}

/**
 * The forecast of a set of deal sums: per owner × period the individual and cumulative categories, weighted
 * pipeline, quota, attainment and coverage; each region the sum of its owners, the company the sum of all.
 * Refused with the currencies that have no rate.
 */
export function rollUpForecast(input: {
  periods: Period[];
  owners: ForecastOwner[];
  rows: DealSumRow[];
  quotas: QuotaRow[];
  rates: FxRates;
}): Result<ForecastRollUp, { code: 'rate_missing'; currencies: string[] }> {
  const cells = ownerCells(input.rows, input.quotas, input.rates);
  if (!cells.ok) return err({ code: 'rate_missing', currencies: cells.error });
  const cellFor = (ownerId: string, periodStart: string) =>
    cells.value.get(cellKey(ownerId, periodStart)) ?? emptySums();
  const sumOver = (ownerIds: string[], periodStart: string) =>
    ownerIds.reduce((sum, ownerId) => addSums(sum, cellFor(ownerId, periodStart)), emptySums());
  const owners = [...input.owners].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const regionNames = [...new Set(owners.map((owner) => owner.region))].sort((a, b) =>
    (a ?? '\uffff').localeCompare(b ?? '\uffff'),
  );
  const regions = regionNames.map((region) => {
    const ownerIds = owners.filter((owner) => owner.region === region).map((owner) => owner.id);
    return { region, ownerIds, periods: periodFigures(input.periods, (start) => sumOver(ownerIds, start)) };
  });
  const everyone = owners.map((owner) => owner.id);
  return ok({
    company: { periods: periodFigures(input.periods, (start) => sumOver(everyone, start)) },
    regions,
    owners: owners.map((owner) => ({
      ...owner,
      periods: periodFigures(input.periods, (start) => cellFor(owner.id, start)),
    })),
  });
}
