import { findAccount } from '../../db/repositories/accounts-repo.js';
import { insertOpportunity } from '../../db/repositories/opportunities-repo.js';
import { linkRenewal, lockContractForRenewal } from '../../db/repositories/renewals-repo.js';
import { insertStageChanges } from '../../db/repositories/stage-changes-repo.js';
import { rightsOf } from '../../domain/access/principal.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import { deriveStageFacts } from '../../domain/opportunity/stage-facts.js';
import { firstStage, pipelineForType } from '../../domain/playbook/lookup.js';
import { err, ok, type Result } from '../../domain/result.js';
import { accessToAccount, checkOwnerChoice } from '../access/authorize.js';
import { type AppError, type FieldIssue, forbidden, invalid } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { storeInspections } from '../inspection/store-inspections.js';
import { recordEvent } from '../shared/record-event.js';
import { checkDealType } from './check-deal-type.js';
import type { CreateOpportunityInput } from './opportunity-inputs.js';

/**
 * Creates a deal in the first stage of its type's pipeline, if the type suits the account's customer class.
 * `renewsContractId` (the renewals run): the deal renews that contract — refused (conflict) when a deal
 * renews it already, under a lock on the contract and the unique index on the link.
 */
export async function createOpportunity(
  context: AppContext,
  actor: Actor,
  input: CreateOpportunityInput,
  options: { renewsContractId?: string } = {},
): Promise<Result<Opportunity, AppError>> {
  const rights = rightsOf(actor.principal);
  if (!rights.createDeals) return err(forbidden('Your role does not create opportunities.'));
  const pipeline = pipelineForType(context.playbook, input.type);
  return context.db.transaction().execute(async (trx) => {
    const renewsContractId = options.renewsContractId;
    if (renewsContractId) {
      const renewed = await lockContractForRenewal(trx, renewsContractId);
      if (!renewed.exists) return err(invalid([{ path: 'renewsContractId', message: 'no such contract' }]));
      if (renewed.renewedBy) {
        return err({ code: 'conflict', message: `Deal ${renewed.renewedBy} renews this contract already.` });
      }
    }
    const issues: FieldIssue[] = [];
    if (!pipeline) {
      const known = context.playbook.opportunityTypes.map((type) => type.key).join(', ');
      issues.push({ path: 'type', message: `unknown opportunity type; use one of: ${known}` });
    }
    const sources = context.playbook.leadSources.map((source) => source.key);
    if (!sources.includes(input.source)) {
      issues.push({ path: 'source', message: `unknown lead source; use one of: ${sources.join(', ')}` });
    }
    const account = await findAccount(trx, input.accountId);
    if (!account || !(await accessToAccount(trx, actor, account)).read) {
      issues.push({ path: 'accountId', message: 'no such account' });
    }
    const ownerIssue = await checkOwnerChoice(trx, actor, input.ownerId, rights.assignNewTo);
    if (ownerIssue) issues.push(ownerIssue);
    if (!pipeline || issues.length > 0) return err(invalid(issues));
    const now = context.now();
    const stage = deriveStageFacts(context.playbook, pipeline.key, firstStage(pipeline).key);
    const typed = await checkDealType(
      trx,
      context.playbook,
      actor,
      {
        id: null,
        accountId: input.accountId,
        type: input.type,
        pipeline: pipeline.key,
        stage: stage.stage,
        meddpicc: {},
      },
      { kind: 'create', override: input.override, now },
    );
    if (!typed.ok) return typed;
    const gate = typed.value;
    const opportunity: Opportunity = {
      id: context.newId('opp'),
      accountId: input.accountId,
      name: input.name,
      type: input.type,
      pipeline: stage.pipeline,
      stage: stage.stage,
      probability: stage.probability,
      forecastCategory: stage.forecastCategory,
      amountMinor: input.amountMinor,
      currency: input.currency,
      closeDate: input.closeDate,
      ownerId: input.ownerId,
      createdBy: actor.id,
      source: input.source,
      nextStep: input.nextStep ?? null,
      description: input.description ?? null,
      lossReason: null,
      winningCompetitor: null,
      stageEnteredAt: now,
      stallSnooze: null,
      closedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await insertOpportunity(trx, opportunity);
    if (renewsContractId) await linkRenewal(trx, opportunity.id, renewsContractId);
    await insertStageChanges(trx, [
      {
        opportunityId: opportunity.id,
        fromStage: null,
        toStage: opportunity.stage,
        kind: 'create',
        overridden: gate.override !== null,
        changedBy: actor.id,
        changedAt: now,
      },
    ]);
    await recordEvent(trx, actor, now, {
      entityType: 'opportunity',
      entityId: opportunity.id,
      action: 'opportunity.created',
      after: renewsContractId ? { ...opportunity, renewsContractId } : opportunity,
      gate,
    });
    await storeInspections(context, trx, [opportunity.id]);
    return ok(opportunity);
  });
}
