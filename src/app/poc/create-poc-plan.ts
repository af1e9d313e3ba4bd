import { saveOpportunity } from '../../db/repositories/opportunities-repo.js';
import { findPocPlan, savePocPlan } from '../../db/repositories/poc-repo.js';
import { findPipeline, forwardPath } from '../../domain/playbook/lookup.js';
import { createPocPlan as planFromTemplate } from '../../domain/poc/create-poc-plan.js';
import { err, ok, type Result } from '../../domain/result.js';
import { lockOpportunity } from '../access/authorize.js';
import type { AppError } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { storeInspections } from '../inspection/store-inspections.js';
import { recordEvent } from '../shared/record-event.js';
import { type PocView, pocView } from './poc-view.js';

/**
 * Creates the deal's POC plan from the playbook's template: open deals of a pipeline that runs the POC
 * method, at or past the template's first stage (the seed: Discover); one plan per deal.
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
    if (!pipeline || !template?.pipelines.includes(pipeline.key)) {
      const runs = (template?.pipelines ?? []).map((key) => findPipeline(context.playbook, key)?.name ?? key);
      const message =
        runs.length > 0
          ? `The ${pipeline?.name ?? deal.pipeline} pipeline does not run the POC method (the playbook runs it in ${runs.join(', ')}).`
          : 'This playbook has no POC method.';
      return err({ code: 'conflict', message });
    }
    const path = forwardPath(pipeline);
    const from = path.findIndex((stage) => stage.key === template.availableFromStage);
    const at = path.findIndex((stage) => stage.key === deal.stage);
    if (at < 0 || at === path.length - 1 || at < from) {
      const fromName = path[from]?.name ?? template.availableFromStage;
      return err({ code: 'conflict', message: `A POC plan is for open deals from ${fromName} on.` });
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
    await storeInspections(context, trx, [id]);
    return ok(pocView(plan, version, template));
  });
}
