import {
  type ForecastCall,
  insertForecastCall,
  listForecastCalls,
} from '../../db/repositories/forecast-calls-repo.js';
import { findForecastPeople } from '../../db/repositories/forecast-repo.js';
import { rightsOf } from '../../domain/access/principal.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, forbidden, invalid, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { mayAdjustForecastOf, refuseUnlessPeriodStart, seesOwnerForecast } from './forecast-access.js';
import type { AdjustForecastInput, SubmitForecastInput } from './forecast-inputs.js';

type CallInput = Omit<AdjustForecastInput, 'note'> & { note: string | null };

function refuseBadCall(context: AppContext, input: CallInput): AppError | null {
  if (input.bestCaseMinor < input.commitMinor) {
    return invalid([{ path: 'bestCaseMinor', message: 'best case includes commit: it may not be below it' }]);
  }
  return refuseUnlessPeriodStart(context.playbook, input.periodKind, input.periodStart, 'periodStart');
}

/** Appends one call (history: never changed afterwards) with its audit event, in one transaction. */
async function appendCall(
  context: AppContext,
  actor: Actor,
  input: CallInput,
  kind: ForecastCall['kind'],
): Promise<ForecastCall> {
  return context.db.transaction().execute(async (trx) => {
    const previous = await listForecastCalls(trx, {
      kind: input.periodKind,
      from: input.periodStart,
      to: input.periodStart,
      ownerId: input.ownerId,
    });
    const call: ForecastCall = {
      id: context.newId('fcl'),
      periodKind: input.periodKind,
      periodStart: input.periodStart,
      ownerId: input.ownerId,
      kind,
      commitMinor: input.commitMinor,
      bestCaseMinor: input.bestCaseMinor,
      note: input.note,
      byUser: actor.id,
      at: context.now(),
      adjustsId:
        kind === 'adjustment' ? (previous.filter((c) => c.kind === 'submission').at(-1)?.id ?? null) : null,
    };
    await insertForecastCall(trx, call);
    await recordEvent(trx, actor, call.at, {
      entityType: 'forecast_call',
      entityId: call.id,
      action: kind === 'submission' ? 'forecast_call.submitted' : 'forecast_call.adjusted',
      after: { ...call, at: call.at.toISOString() },
    });
    return call;
  });
}

/** An AE's own forecast call for a period: commit and best case in the company currency, with a note. */
export async function submitForecast(
  context: AppContext,
  actor: Actor,
  input: SubmitForecastInput,
): Promise<Result<ForecastCall, AppError>> {
  if (!rightsOf(actor.principal).submitForecast) {
    return err(forbidden('Only Account Executives submit a forecast call, each their own.'));
  }
  const call = { ...input, ownerId: actor.id, note: input.note || null };
  const refused = refuseBadCall(context, call);
  if (refused) return err(refused);
  return ok(await appendCall(context, actor, call, 'submission'));
}

/** An RVP's adjustment of an owner's call in their region, with the note that says why. */
export async function adjustForecast(
  context: AppContext,
  actor: Actor,
  input: AdjustForecastInput,
): Promise<Result<ForecastCall, AppError>> {
  const [owner] = await findForecastPeople(context.db, [input.ownerId]);
  if (!owner || !seesOwnerForecast(actor.principal, owner)) return err(notFound('User', input.ownerId));
  if (!mayAdjustForecastOf(actor.principal, owner)) {
    return err(forbidden("Only the owner's Regional VP adjusts a forecast call."));
  }
  const refused = refuseBadCall(context, input);
  if (refused) return err(refused);
  return ok(await appendCall(context, actor, input, 'adjustment'));
}
