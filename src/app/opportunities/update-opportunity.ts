import { saveOpportunity } from '../../db/repositories/opportunities-repo.js';
import { countClosePush } from '../../db/repositories/push-count-repo.js';
import { listMeddpicc } from '../../db/repositories/qualification-repo.js';
import { rightsOf } from '../../domain/access/principal.js';
import { isPush } from '../../domain/forecast-changes/push.js';
import type { GateSnapshot } from '../../domain/gates/gate-snapshot.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { pipelineForType } from '../../domain/playbook/lookup.js';
import { err, ok, type Result } from '../../domain/result.js';
import { accessToOpportunity, checkOwnerChoice, lockOpportunity } from '../access/authorize.js';
import { type AppError, type FieldIssue, forbidden, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { storeInspections } from '../inspection/store-inspections.js';
import { diff, recordEvent } from '../shared/record-event.js';
import { checkDealType } from './check-deal-type.js';
import type { UpdateOpportunityInput } from './opportunity-inputs.js';

/** Edits a deal's own fields. Stage moves go through changeStage; derived fields are never written here. */
export async function updateOpportunity(
  context: AppContext,
  actor: Actor,
  id: string,
  input: UpdateOpportunityInput,
  expectedVersion?: number,
): Promise<Result<Opportunity, AppError>> {
  return context.db.transaction().execute(async (trx) => {
    const locked = await lockOpportunity(trx, actor, id, 'edit', expectedVersion);
    if (!locked.ok) return locked;
    const current = locked.value;
    const issues: FieldIssue[] = [];
    if (input.type !== undefined && pipelineForType(context.playbook, input.type)?.key !== current.pipeline) {
      issues.push({
        path: 'type',
        message: `must be a type of the ${current.pipeline} pipeline this deal runs in`,
      });
    }
    if (input.ownerId !== undefined && input.ownerId !== current.ownerId) {
      if (!(await accessToOpportunity(trx, actor, current)).reassign) {
        return err(forbidden('ownerId: your role may not reassign this opportunity.'));
      }
      const ownerIssue = await checkOwnerChoice(
        trx,
        actor,
        input.ownerId,
        rightsOf(actor.principal).reassign,
      );
      if (ownerIssue) issues.push(ownerIssue);
    }
    if (issues.length > 0) return err(invalid(issues));
    const now = context.now();
    const retyped = input.type !== undefined && input.type !== current.type;
    let gate: GateSnapshot | null = null;
    if (retyped) {
      const meddpicc = Object.fromEntries(
        (await listMeddpicc(trx, id)).map((entry) => [entry.element, entry] as const),
      );
      const typed = await checkDealType(
        trx,
        context.playbook,
        actor,
        { ...current, type: input.type ?? current.type, meddpicc },
        { kind: 'type_change', override: input.override, now },
      );
      if (!typed.ok) return typed;
      gate = typed.value;
    }
    const next: Opportunity = {
      ...current,
      name: input.name ?? current.name,
      type: input.type ?? current.type,
      amountMinor: input.amountMinor ?? current.amountMinor,
      currency: input.currency ?? current.currency,
      closeDate: input.closeDate ?? current.closeDate,
      ownerId: input.ownerId ?? current.ownerId,
      nextStep: input.nextStep === undefined ? current.nextStep : input.nextStep,
      description: input.description === undefined ? current.description : input.description,
      version: current.version + 1,
      updatedAt: now,
    };
    const changes = diff(current, next);
    if (Object.keys(changes.after).length === 0) return ok(current);
    await saveOpportunity(trx, next);
    if (isPush(current.closeDate, next.closeDate)) await countClosePush(trx, id);
    await recordEvent(trx, actor, now, {
      entityType: 'opportunity',
      entityId: id,
      action: 'opportunity.updated',
      ...changes,
      ...(gate && { gate }),
    });
    await storeInspections(context, trx, [id]);
    return ok(next);
  });
}
