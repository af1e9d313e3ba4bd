import type { Kysely } from 'kysely';
import { findContractOfOpportunity } from '../../db/repositories/contracts-repo.js';
import type { Database } from '../../db/schema.js';
import {
  closeOnEvidence,
  contractTermsOf,
  invoicingRequestOf,
} from '../../domain/closing/close-on-evidence.js';
import type { Opportunity } from '../../domain/opportunity/opportunity.js';
import type { OpportunityFacts } from '../../domain/opportunity/opportunity-facts.js';
import { findPipeline } from '../../domain/playbook/lookup.js';
import { systemActor } from '../access/actors.js';
import { lockAccountForContracts } from '../access/authorize.js';
import type { AppContext } from '../context.js';
import { saveContract } from '../contracts/record-contract.js';
import { recordEvent } from '../shared/record-event.js';

/**
 * A deal just won on its closing evidence (by itself or moved by a person) gets, in the same transaction, the
 * commit contract of the chosen option — its TCV over its term from the agreement's start — and an invoicing
 * request, both by the system (an audited event, so it leaves through the outbox and the webhooks). Once per deal; nothing when
 * the playbook keeps no contracts or the won stage does not close on evidence. Returns the contract's id.
 */
export async function recordWonContract(
  context: AppContext,
  trx: Kysely<Database>,
  deal: Opportunity,
  facts: OpportunityFacts,
): Promise<string | null> {
  const pipeline = findPipeline(context.playbook, deal.pipeline);
  const closing = facts.closing;
  if (!pipeline || !closing || closeOnEvidence(pipeline, closing).kind !== 'ready') return null;
  if (!context.playbook.contracts || (await findContractOfOpportunity(trx, deal.id))) return null;
  // Recorded by the system whoever won the deal: an AE who moves a deal does not record contracts.
  const actor = systemActor('closing');
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
    endedOn: null,
    endedReason: null,
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
