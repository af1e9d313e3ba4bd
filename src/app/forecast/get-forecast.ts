import { type ForecastCall, listForecastCalls } from '../../db/repositories/forecast-calls-repo.js';
import {
  findForecastPeople,
  findRegionalVps,
  sumDealsByOwnerAndMonth,
} from '../../db/repositories/forecast-repo.js';
import { listFxRates, listQuotas } from '../../db/repositories/forecast-settings-repo.js';
import { visibilityFor } from '../../domain/access/record-access.js';
import { type CallTotals, standingCall, totalCalls } from '../../domain/forecast/call-totals.js';
import { forecastSettings } from '../../domain/forecast/forecast-settings.js';
import { foldMonthsIntoPeriods } from '../../domain/forecast/month-rows.js';
import type { Period } from '../../domain/forecast/periods.js';
import { type ForecastRollUp, type PeriodFigures, rollUpForecast } from '../../domain/forecast/roll-up.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, invalid, rateMissing } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { mayAdjustForecastOf, seesOwnerForecast } from './forecast-access.js';
import type { ForecastQuery } from './forecast-inputs.js';
import { periodsOf } from './forecast-periods.js';

export interface OwnerPeriodForecast extends PeriodFigures {
  latestSubmission: ForecastCall | null;
  latestAdjustment: ForecastCall | null;
}

/** A region's or the company's figures for a period, with the sum of its owners' standing calls. */
export interface GroupPeriodForecast extends PeriodFigures {
  calls: CallTotals;
}

export interface Forecast {
  period: ForecastQuery['period'];
  fiscalYearStartMonth: number;
  companyCurrency: string;
  periods: Period[];
  company: { periods: GroupPeriodForecast[] };
  regions: Array<
    Omit<ForecastRollUp['regions'][number], 'periods'> & {
      rvps: Array<{ id: string; name: string }>;
      periods: GroupPeriodForecast[];
    }
  >;
  owners: Array<
    Omit<ForecastRollUp['owners'][number], 'periods'> & {
      /** Whether the caller may adjust this owner's calls (their RVP). */
      mayAdjust: boolean;
      periods: OwnerPeriodForecast[];
    }
  >;
}

const latest = (calls: ForecastCall[], ownerId: string, start: string, kind: ForecastCall['kind']) =>
  calls
    .filter((call) => call.ownerId === ownerId && call.periodStart === start && call.kind === kind)
    .at(-1) ?? null;

/**
 * The forecast of the periods from…to: per owner the caller may see, each region (its RVPs) and the company,
 * every category individual and cumulative, weighted pipeline, quota, attainment, coverage, in the company
 * currency; per owner the latest submission and adjustment. Refused (422) while a deal's currency has no rate.
 */
export async function getForecast(
  context: AppContext,
  actor: Actor,
  query: ForecastQuery,
): Promise<Result<Forecast, AppError>> {
  const periods = periodsOf(context, query);
  if (!periods.ok) return periods;
  const settings = forecastSettings(context.playbook);
  const first = periods.value[0];
  const last = periods.value.at(-1);
  if (!first || !last) return err(invalid([{ path: 'to', message: 'no period in the range' }]));
  const range = {
    kind: query.period,
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    from: first.start,
    to: last.end,
  };
  const rows = foldMonthsIntoPeriods(
    await sumDealsByOwnerAndMonth(context.db, range, visibilityFor(actor.principal, 'opportunity')),
    query.period,
    settings.fiscalYearStartMonth,
  );
  const quotas = await listQuotas(context.db, query.period, first.start, last.start);
  const calls = await listForecastCalls(context.db, {
    kind: query.period,
    from: first.start,
    to: last.start,
  });
  const ids = [...new Set([...rows, ...quotas, ...calls].map((row) => row.ownerId))];
  const people = await findForecastPeople(context.db, ids);
  const dealOwners = new Set(rows.map((row) => row.ownerId));
  const owners = people.filter(
    (person) => dealOwners.has(person.id) || seesOwnerForecast(actor.principal, person),
  );
  const shown = new Set(owners.map((owner) => owner.id));
  const rates = Object.fromEntries((await listFxRates(context.db)).map((rate) => [rate.currency, rate.rate]));
  const rolled = rollUpForecast({
    periods: periods.value,
    owners: owners.map(({ id, name, region }) => ({ id, name, region })),
    rows,
    quotas: quotas
      .filter((quota) => shown.has(quota.ownerId))
      .map((quota) => ({ ...quota, amountMinor: String(quota.amountMinor) })),
    rates: { companyCurrency: settings.companyCurrency, rates },
  });
  if (!rolled.ok) return err(rateMissing(settings.companyCurrency, rolled.error.currencies));
  const regionNames = rolled.value.regions.flatMap((region) => (region.region ? [region.region] : []));
  const rvps = await findRegionalVps(context.db, regionNames);
  const standing = (ownerId: string, start: string) =>
    standingCall(latest(calls, ownerId, start, 'submission'), latest(calls, ownerId, start, 'adjustment'));
  const withCalls = (ownerIds: string[]) => (cell: PeriodFigures) => ({
    ...cell,
    calls: totalCalls(ownerIds.map((ownerId) => standing(ownerId, cell.periodStart))),
  });
  const everyone = rolled.value.owners.map((owner) => owner.id);
  return ok({
    period: query.period,
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    companyCurrency: settings.companyCurrency,
    periods: periods.value,
    company: { periods: rolled.value.company.periods.map(withCalls(everyone)) },
    regions: rolled.value.regions.map((region) => ({
      ...region,
      periods: region.periods.map(withCalls(region.ownerIds)),
      rvps: rvps.filter((rvp) => rvp.region === region.region).map(({ id, name }) => ({ id, name })),
    })),
    owners: rolled.value.owners.map((owner) => ({
      ...owner,
      mayAdjust: owners.some(
        (person) => person.id === owner.id && mayAdjustForecastOf(actor.principal, person),
      ),
      periods: owner.periods.map((cell) => ({
        ...cell,
        latestSubmission: latest(calls, owner.id, cell.periodStart, 'submission'),
        latestAdjustment: latest(calls, owner.id, cell.periodStart, 'adjustment'),
      })),
    })),
  });
}
