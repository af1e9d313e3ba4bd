import type { Kysely } from 'kysely';
import type { Actor, AppContext } from '../src/app/context.js';
import { getForecast } from '../src/app/forecast/get-forecast.js';
import { runRawSql } from '../src/db/run-raw-sql.js';
import type { Database } from '../src/db/schema.js';
import { forecastSettings } from '../src/domain/forecast/forecast-settings.js';
import { periodOf } from '../src/domain/forecast/periods.js';
import { type Timing, timeEach } from './measure.js';

const RUNS = 5;

/**
 * The forecast of every deal (quarters over the next two years, as a RevOps admin) through the use case —
 * aggregate, quotas, calls, people, roll-up — beside the raw SQL of the same aggregate (the floor).
 */
export async function benchForecast(
  context: AppContext,
  actor: Actor,
  db: Kysely<Database>,
): Promise<{ app: Timing; floor: Timing; periods: number }> {
  const { fiscalYearStartMonth } = forecastSettings(context.playbook);
  const today = new Date().toISOString().slice(0, 10);
  const last = new Date(Date.now() + 730 * 86_400_000).toISOString().slice(0, 10);
  const from = periodOf(today, 'quarter', fiscalYearStartMonth).start;
  const to = periodOf(last, 'quarter', fiscalYearStartMonth).end;
  const runs = Array.from({ length: RUNS }, (_, index) => index);
  let periods = 0;
  const app = await timeEach(runs, async () => {
    const forecast = await getForecast(context, actor, { period: 'quarter', from, to });
    if (!forecast.ok) throw new Error(`bench: forecast refused: ${forecast.error.message}`);
    periods = forecast.value.periods.length;
  });
  const floor = await timeEach(runs, () =>
    runRawSql(
      db,
      `select owner_id, to_char(date_trunc('month', close_date::timestamp), 'YYYY-MM-DD'), forecast_category,
         currency, sum(amount_minor)::text, sum(amount_minor * probability)::text
       from opportunities where close_date >= $1 and close_date <= $2 and forecast_category <> 'omitted'
       group by owner_id, date_trunc('month', close_date::timestamp), forecast_category, currency`,
      [from, to],
    ),
  );
  return { app, floor, periods };
}
