import { saveOpportunity } from '../../db/repositories/opportunities-repo.js';
import { findPocPlan, savePocPlan } from '../../db/repositories/poc-repo.js';
import { findPipeline, forwardPath } from '../../domain/playbook/lookup.js';
import { createPocPlan as planFromTemplate } from '../../domain/poc/create-poc-plan.js';
import { err, ok, type Result } from '../../domain/result.js';
import { lockOpportunity } from '../access/authorize.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { recordEvent } from '../shared/record-event.js';
import { type PocView, pocView } from './poc-view.js';

/** The pipeline whose deals run a POC (the seed's New Business pipeline: New Business and Upsell). */
export const POC_PIPELINE = 'new_business';

/**
 * Creates the deal's POC plan from the playbook's template: New Business-pipeline deals that are open and at
 * or past the template's first stage (Discover); one plan per deal.
 */
export async function createPocPlan(
  context: AppContext,
  actor: Actor,
  id: string,
  expectedVersion?: number,
): Promise<Result<PocView, AppError>> {
  const template = context.playbook.inspection.poc;
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockOpportunity(trx, actor, id, 'qualify', expectedVersion);
    if (!locked.ok) return locked;
    const deal = locked.value;
    const pipeline = findPipeline(context.playbook, deal.pipeline);
    const path = pipeline ? forwardPath(pipeline).map((stage) => stage.key) : [];
    const from = path.indexOf(template.availableFromStage);
    const at = path.indexOf(deal.stage);
    if (deal.pipeline !== POC_PIPELINE || at < 0 || at === path.length - 1 || at < from) {
      return err({
        code: 'conflict',
        message: `A POC plan is for open New Business-pipeline deals from ${template.availableFromStage} on.`,
      });
    }
    if (await findPocPlan(trx, id))
      return err({ code: 'conflict', message: 'This deal already has a POC plan.' });
    const now = context.now();
    const plan = planFromTemplate(template, {
      planId: context.newId('poc'),
      opportunityId: id,
      createdBy: actor.id,
      now,
      newId: (kind) => context.newId(kind === 'session' ? 'pocs' : 'pocc'),
    });
    await savePocPlan(trx, plan);
    const version = deal.version + 1;
    await saveOpportunity(trx, { ...deal, version, updatedAt: now });
    await recordEvent(trx, actor, now, {
      entityType: 'opportunity',
      entityId: id,
      action: 'opportunity.poc_plan_created',
      after: { planId: plan.id, sessions: plan.sessions.length, criteria: plan.criteria.length },
    });
    return ok(pocView(plan, version));
  });
}
