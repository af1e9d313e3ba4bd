import type { Kysely } from 'kysely';
import { listMilestones } from '../../db/repositories/milestones-repo.js';
import { findPocPlan } from '../../db/repositories/poc-repo.js';
import { listAttestations, listMeddpicc } from '../../db/repositories/qualification-repo.js';
import type { Database } from '../../db/schema.js';
import type { AttestationRecord, MeddpiccRecord, Opportunity } from '../../domain/opportunity/opportunity.js';
import type { OpportunityFacts } from '../../domain/opportunity/opportunity-facts.js';
import { assessPoc } from '../../domain/poc/assess-poc.js';
import type { MilestoneRecord } from '../../domain/poc/milestones.js';
import type { PocPlan } from '../../domain/poc/poc-plan.js';

export interface Qualification {
  meddpicc: MeddpiccRecord[];
  attestations: AttestationRecord[];
  poc: PocPlan | null;
  milestones: MilestoneRecord[];
}

export async function loadQualification(db: Kysely<Database>, opportunityId: string): Promise<Qualification> {
  const [meddpicc, attestations, poc, milestones] = [
    await listMeddpicc(db, opportunityId),
    await listAttestations(db, opportunityId),
    (await findPocPlan(db, opportunityId)) ?? null,
    await listMilestones(db, opportunityId),
  ];
  return { meddpicc, attestations, poc, milestones };
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
    poc: qualification.poc ? assessPoc(qualification.poc) : null,
    milestones: Object.fromEntries(qualification.milestones.map((entry) => [entry.milestone, entry])),
  };
}
