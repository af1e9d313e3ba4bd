import type { Kysely } from 'kysely';
import { findOpportunity } from '../../db/repositories/opportunities-repo.js';
import type { Database } from '../../db/schema.js';
import { closeOnEvidence } from '../../domain/closing/close-on-evidence.js';
import { findPipeline } from '../../domain/playbook/lookup.js';
import type { Actor, AppContext } from '../context.js';
import { changeStageIn } from '../opportunities/change-stage.js';
import { loadQualification, toFacts } from '../opportunities/load-opportunity-facts.js';

const REASON =
  'Closed by the evidence on file: the signed quote and the offer acceptance of the chosen offer.';

/**
 * After vendor evidence reached a deal's offer, in the same transaction: when the pipeline's won stage asks
 * for closing evidence and all of it holds, the deal enters that stage by itself — through the one stage-change
 * path, as `actor` (the system), so the gate judges every other requirement too and the snapshot points at the
 * envelope and the agreement (the won deal's contract and invoicing request follow in changeStageIn). Says
 * what happened, for the event's processing outcome.
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
  const contract = moved.value.contractId;
  return `moved to ${decision.stage.name}${contract ? `; contract ${contract} recorded, invoicing requested` : ''}`;
}
