import type { Kysely } from 'kysely';
import { listAttestations, listMeddpicc } from '../../db/repositories/qualification-repo.js';
import type { Database } from '../../db/schema.js';
import type { AttestationRecord, MeddpiccRecord, Opportunity } from '../../domain/opportunity/opportunity.js';
import type { OpportunityFacts } from '../../domain/opportunity/opportunity-facts.js';

export interface Qualification {
  meddpicc: MeddpiccRecord[];
  attestations: AttestationRecord[];
}

export async function loadQualification(db: Kysely<Database>, opportunityId: string): Promise<Qualification> {
  const [meddpicc, attestations] = [
    await listMeddpicc(db, opportunityId),
    await listAttestations(db, opportunityId),
  ];
  return { meddpicc, attestations };
}

/** The plain data the gate engine judges a deal on. */
export function toFacts(opportunity: Opportunity, qualification: Qualification): OpportunityFacts {
  return {
    type: opportunity.type,
    pipeline: opportunity.pipeline,
    stage: opportunity.stage,
    source: opportunity.source,
    amountMinor: opportunity.amountMinor,
    closeDate: opportunity.closeDate,
    nextStep: opportunity.nextStep,
    description: opportunity.description,
    meddpicc: Object.fromEntries(qualification.meddpicc.map((entry) => [entry.element, entry])),
    attestations: Object.fromEntries(qualification.attestations.map((entry) => [entry.criterion, entry])),
  };
}
