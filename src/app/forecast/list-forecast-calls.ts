import { type ForecastCall, listForecastCalls } from '../../db/repositories/forecast-calls-repo.js';
import { findForecastPeople } from '../../db/repositories/forecast-repo.js';
import { ok, type Result } from '../../domain/result.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { seesOwnerForecast } from './forecast-access.js';
import type { ForecastCallsQuery } from './forecast-inputs.js';

/** Every submission and adjustment of one period, oldest first, of the owners the caller may see. */
export async function listForecastCallHistory(
  context: AppContext,
  actor: Actor,
  query: ForecastCallsQuery,
): Promise<Result<{ items: ForecastCall[] }, AppError>> {
  const calls = await listForecastCalls(context.db, {
    kind: query.period,
    from: query.periodStart,
    to: query.periodStart,
    ...(query.ownerId ? { ownerId: query.ownerId } : {}),
  });
  const people = await findForecastPeople(context.db, [...new Set(calls.map((call) => call.ownerId))]);
  const visible = new Set(people.filter((p) => seesOwnerForecast(actor.principal, p)).map((p) => p.id));
  return ok({ items: calls.filter((call) => visible.has(call.ownerId)) });
}
