import type { Kysely } from 'kysely';
import { listContractsOfAccount } from '../../db/repositories/contracts-repo.js';
import { listMilestones } from '../../db/repositories/milestones-repo.js';
import { findPocPlan } from '../../db/repositories/poc-repo.js';
import { listAttestations, listMeddpicc } from '../../db/repositories/qualification-repo.js';
import type { Database } from '../../db/schema.js';
import type { Contract } from '../../domain/contract/contract.js';
import { previousCommitContract } from '../../domain/contract/contract.js';
import { checkRenewalUplift } from '../../domain/contract/renewal-uplift.js';
import type { AttestationRecord, MeddpiccRecord, Opportunity } from '../../domain/opportunity/opportunity.js';
import type { OpportunityFacts } from '../../domain/opportunity/opportunity-facts.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import { assessPoc } from '../../domain/poc/assess-poc.js';
import type { MilestoneRecord } from '../../domain/poc/milestones.js';
import type { PocPlan } from '../../domain/poc/poc-plan.js';

export interface Qualification {
  meddpicc: MeddpiccRecord[];
  attestations: AttestationRecord[];
  poc: PocPlan | null;
  milestones: MilestoneRecord[];
  /** The account's commit contracts: what a Renewal or Expansion renews. */
  contracts: Contract[];
}

export async function loadQualification(
  db: Kysely<Database>,
  opportunity: Opportunity,
): Promise<Qualification> {
  const opportunityId = opportunity.id;
  const [meddpicc, attestations, poc, milestones, contracts] = [
    await listMeddpicc(db, opportunityId),
    await listAttestations(db, opportunityId),
    (await findPocPlan(db, opportunityId)) ?? null,
    await listMilestones(db, opportunityId),
    await listContractsOfAccount(db, opportunity.accountId),
  ];
  return { meddpicc, attestations, poc, milestones, contracts };
}

/** The plain data the gate engine judges a deal on. */
export function toFacts(
  playbook: Playbook,
  opportunity: Opportunity,
  qualification: Qualification,
): OpportunityFacts {
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
    uplift: checkRenewalUplift(
      playbook,
      opportunity,
      previousCommitContract(qualification.contracts, opportunity.id),
    ),
  };
}
