import {
  deleteMilestone,
  listMilestones,
  listStagesReached,
  saveMilestone,
} from '../../db/repositories/milestones-repo.js';
import { saveOpportunity } from '../../db/repositories/opportunities-repo.js';
import { findPipeline } from '../../domain/playbook/lookup.js';
import { checkMilestoneAllowed, type MilestoneRecord } from '../../domain/poc/milestones.js';
import { err, ok, type Result } from '../../domain/result.js';
import { lockOpportunity } from '../access/authorize.js';
import { type AppError, invalid, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { storeInspections } from '../inspection/store-inspections.js';
import type { MilestoneInput } from '../poc/poc-inputs.js';
import { recordEvent } from '../shared/record-event.js';

export interface MilestoneRecorded {
  milestone: MilestoneRecord;
  opportunityVersion: number;
}

/**
 * Records a win milestone (Tech / Business / Financial / Legal Win) with who, when and evidence; allowed once
 * the deal has reached the stage the playbook ties it to. Recording it again replaces it.
 */
export async function recordMilestone(
  context: AppContext,
  actor: Actor,
  id: string,
  milestone: string,
  input: MilestoneInput,
  expectedVersion?: number,
): Promise<Result<MilestoneRecorded, AppError>> {
  if (!context.playbook.milestones.some((entry) => entry.key === milestone)) {
    const known = context.playbook.milestones.map((entry) => entry.key).join(', ');
    return err(invalid([{ path: 'milestone', message: `unknown milestone; use one of: ${known}` }]));
  }
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockOpportunity(trx, actor, id, 'qualify', expectedVersion);
    if (!locked.ok) return locked;
    const deal = locked.value;
    const pipeline = findPipeline(context.playbook, deal.pipeline);
    if (!pipeline) throw new Error(`deal ${id} has an unknown pipeline ${deal.pipeline}`);
    const reached = [deal.stage, ...(await listStagesReached(trx, id))];
    const allowed = checkMilestoneAllowed(pipeline, milestone, reached);
    if (!allowed.ok) return allowed;
    const now = context.now();
    const before = (await listMilestones(trx, id)).find((entry) => entry.milestone === milestone) ?? null;
    const record: MilestoneRecord = {
      milestone,
      achievedAt: input.achievedAt ?? now,
      recordedBy: actor.id,
      evidenceUrl: input.evidenceUrl ?? null,
      note: input.note ?? null,
    };
    await saveMilestone(trx, id, record, now);
    const version = deal.version + 1;
    await saveOpportunity(trx, { ...deal, version, updatedAt: now });
    await recordEvent(trx, actor, now, {
      entityType: 'opportunity',
      entityId: id,
      action: 'opportunity.milestone_recorded',
      before,
      after: record,
    });
    await storeInspections(context, trx, [id]);
    return ok({ milestone: record, opportunityVersion: version });
  });
}

/** Withdraws a recorded milestone; 404 when it was not recorded. */
export async function withdrawMilestone(
  context: AppContext,
  actor: Actor,
  id: string,
  milestone: string,
  expectedVersion?: number,
): Promise<Result<{ opportunityVersion: number }, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockOpportunity(trx, actor, id, 'qualify', expectedVersion);
    if (!locked.ok) return locked;
    const deal = locked.value;
    const before = (await listMilestones(trx, id)).find((entry) => entry.milestone === milestone);
    if (!before) return err(notFound(`Milestone ${milestone} of opportunity`, id));
    const now = context.now();
    await deleteMilestone(trx, id, milestone);
    const version = deal.version + 1;
    await saveOpportunity(trx, { ...deal, version, updatedAt: now });
    await recordEvent(trx, actor, now, {
      entityType: 'opportunity',
      entityId: id,
      action: 'opportunity.milestone_withdrawn',
      before,
      after: null,
    });
    await storeInspections(context, trx, [id]);
    return ok({ opportunityVersion: version });
  });
}
