import type { Kysely } from 'kysely';
import { saveOpportunity } from '../../db/repositories/opportunities-repo.js';
import { findPocPlan, savePocPlan } from '../../db/repositories/poc-repo.js';
import type { Database } from '../../db/schema.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import type { PocPlan } from '../../domain/poc/poc-plan.js';
import { err, ok, type Result } from '../../domain/result.js';
import { lockOpportunity } from '../access/authorize.js';
import { type AppError, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { storeInspections } from '../inspection/store-inspections.js';
import { recordEvent } from '../shared/record-event.js';
import { type PocView, pocView } from './poc-view.js';

export interface PocChange {
  /** Audit action, e.g. `opportunity.poc_session_updated`. */
  action: string;
  /** Decides the new plan (pure), given the current one, the locked deal, the clock and the transaction. */
  decide: (
    plan: PocPlan,
    deal: Opportunity,
    now: Date,
    trx: Kysely<Database>,
  ) => Promise<Result<PocPlan, AppError>> | Result<PocPlan, AppError>;
  /** What the audit event records before/after (defaults to the whole plan). */
  audit?: (before: PocPlan, after: PocPlan) => { before: unknown; after: unknown };
}

/**
 * Every change of a POC plan: lock the deal (qualify right, If-Match), load the plan, decide, save the plan,
 * bump the deal's version (the gate reads the POC) and record the audit event — in one transaction.
 */
export function changePoc(
  context: AppContext,
  actor: Actor,
  id: string,
  change: PocChange,
  expectedVersion?: number,
): Promise<Result<PocView, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockOpportunity(trx, actor, id, 'qualify', expectedVersion);
    if (!locked.ok) return locked;
    const deal = locked.value;
    const plan = await findPocPlan(trx, id);
    if (!plan) return err(notFound('POC plan of opportunity', id));
    const now = context.now();
    const decided = await change.decide(plan, deal, now, trx);
    if (!decided.ok) return decided;
    const next = decided.value;
    await savePocPlan(trx, next, plan);
    const version = deal.version + 1;
    await saveOpportunity(trx, { ...deal, version, updatedAt: now });
    const audit = change.audit?.(plan, next) ?? { before: plan, after: next };
    await recordEvent(trx, actor, now, {
      entityType: 'opportunity',
      entityId: id,
      action: change.action,
      before: audit.before,
      after: audit.after,
    });
    await storeInspections(context, trx, [id]);
    return ok(pocView(next, version, context.playbook.inspection.poc));
  });
}
