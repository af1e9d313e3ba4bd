import type { Kysely } from 'kysely';
import { findContractOfOpportunity } from '../../db/repositories/contracts-repo.js';
import { findOpportunity } from '../../db/repositories/opportunities-repo.js';
import type { Database } from '../../db/schema.js';
import {
  closeOnEvidence,
  contractTermsOf,
  invoicingRequestOf,
} from '../../domain/closing/close-on-evidence.js';
import type { ClosingFacts } from '../../domain/closing/closing-facts.js';
import { findPipeline } from '../../domain/playbook/lookup.js';
import { lockAccountForContracts } from '../access/authorize.js';
import { saveContract } from '../contracts/record-contract.js';
import type { Actor, AppContext } from '../context.js';
import { changeStageIn } from '../opportunities/change-stage.js';
import { loadQualification, toFacts } from '../opportunities/load-opportunity-facts.js';
import { recordEvent } from '../shared/record-event.js';

const REASON = 'Closed by the evidence on file: the signed quote and the offer acceptance of the chosen offer.';

/**
 * After vendor evidence reached a deal's offer, in the same transaction: when the pipeline's won stage asks
 * for closing evidence and all of it holds, the deal enters that stage by itself — through the one stage-change
 * path, as `actor` (the system), so the gate judges every other requirement too and the snapshot points at the
 * envelope and the agreement. A won deal then gets its commit contract from the chosen option and an
 * invoicing request (an audited event, so it leaves through the outbox and webhooks). Says what happened.
 */
export async function closeOnEvidenceIn(
  context: AppContext,
  trx: Kysely<Database>,
  actor: Actor,
  opportunityId: string,
): Promise<string> {
  const deal = await findOpportunity(trx, opportunityId);
  if (!deal || deal.closedAt) return 'the deal is closed';
  const pipeline = findPipeline(context.playbook, deal.pipeline);
  if (!pipeline) return 'the deal’s pipeline is not in the playbook';
  const now = context.now();
  const facts = toFacts(context.playbook, deal, await loadQualification(trx, deal, now));
  const decision = closeOnEvidence(pipeline, facts.closing);
  if (decision.kind === 'by_hand') return `${pipeline.name} is closed by hand`;
  if (decision.kind === 'waiting')
    return `${decision.stage.name} waits for: ${decision.unmet.map((entry) => entry.criterion.text).join(', ')}`;
  const moved = await changeStageIn(context, trx, actor, deal.id, { to: decision.stage.key, reason: REASON });
  if (!moved.ok) {
    const missing = 'missing' in moved.error ? moved.error.missing.map((entry) => entry.label) : [];
    return `not moved to ${decision.stage.name}: ${[moved.error.message, ...missing].join('; ')}`;
  }
  const contract = facts.closing && (await recordWonContract(context, trx, actor, deal, facts.closing));
  return `moved to ${decision.stage.name}${contract ? `; contract ${contract} recorded, invoicing requested` : ''}`;
}

/** The commit contract of the won offer and its invoicing request, once per deal; null when none is kept. */
async function recordWonContract(
  context: AppContext,
  trx: Kysely<Database>,
  actor: Actor,
  deal: { id: string; accountId: string },
  closing: ClosingFacts,
): Promise<string | null> {
  if (!context.playbook.contracts || (await findContractOfOpportunity(trx, deal.id))) return null;
  const locked = await lockAccountForContracts(trx, actor, deal.accountId, undefined);
  if (!locked.ok) return null;
  const now = context.now();
  const { contract } = await saveContract(trx, actor, locked.value, {
    id: context.newId('ctr'),
    accountId: deal.accountId,
    kind: 'commit',
    ...contractTermsOf(closing, now),
    opportunityId: deal.id,
    createdBy: actor.id,
    createdAt: now,
    version: 1,
  });
  await recordEvent(trx, actor, now, {
    entityType: 'contract',
    entityId: contract.id,
    action: 'contract.invoicing_requested',
    opportunityId: deal.id,
    after: { ...invoicingRequestOf(closing, contract) },
  });
  return contract.id;
}
