import type { Kysely } from 'kysely';
import { listActivityFacts } from '../../db/repositories/activities-repo.js';
import { listCustomerRecords } from '../../db/repositories/inspection-repo.js';
import { listMilestones } from '../../db/repositories/milestones-repo.js';
import { listOffersOfDeal } from '../../db/repositories/offers-repo.js';
import { findPocPlan } from '../../db/repositories/poc-repo.js';
import { listAttestations, listMeddpicc } from '../../db/repositories/qualification-repo.js';
import type { Database } from '../../db/schema.js';
import { type CustomerRecord, judgeTypeFit } from '../../domain/account/type-fit.js';
import type { ActivityFact } from '../../domain/activity/activity.js';
import { closingFactsOf } from '../../domain/closing/closing-facts.js';
import type { Offer } from '../../domain/closing/offer.js';
import { dayOf, previousCommitContract } from '../../domain/contract/contract.js';
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
  /** The account's self-serve usage and commit contracts: its class, and what a Renewal or Expansion renews. */
  customer: CustomerRecord;
  /** The deal's activities that have taken place by `asOf`, oldest first. */
  activities: ActivityFact[];
  /** The deal's offers: the closing evidence of the version the customer chose. */
  offers: Offer[];
  /** When the facts were read: the day the customer class is judged on. */
  asOf: Date;
}

export async function loadQualification(
  db: Kysely<Database>,
  opportunity: Opportunity,
  now: Date,
): Promise<Qualification> {
  const opportunityId = opportunity.id;
  const [meddpicc, attestations, poc, milestones, customers, activities, offers] = [
    await listMeddpicc(db, opportunityId),
    await listAttestations(db, opportunityId),
    (await findPocPlan(db, opportunityId)) ?? null,
    await listMilestones(db, opportunityId),
    await listCustomerRecords(db, [opportunity.accountId]),
    await listActivityFacts(db, opportunityId, now),
    await listOffersOfDeal(db, opportunityId),
  ];
  const customer = customers.get(opportunity.accountId) ?? { selfServeUsage: false, contracts: [] };
  return { meddpicc, attestations, poc, milestones, customer, activities, offers, asOf: now };
}

/** The plain data the gate engine judges a deal on. */
export function toFacts(
  playbook: Playbook,
  opportunity: Opportunity,
  qualification: Qualification,
): OpportunityFacts {
  const { customer } = qualification;
  const fit = judgeTypeFit(playbook, opportunity.type, customer, dayOf(qualification.asOf), opportunity.id);
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
    poc: qualification.poc ? assessPoc(qualification.poc, playbook.inspection.poc?.resultsSession) : null,
    milestones: Object.fromEntries(qualification.milestones.map((entry) => [entry.milestone, entry])),
    uplift: checkRenewalUplift(
      playbook,
      opportunity,
      previousCommitContract(customer.contracts, opportunity.id, opportunity.createdAt),
    ),
    activities: qualification.activities,
    customerFit: { fits: fit.fits, message: fit.message },
    closing: closingFactsOf(qualification.offers),
  };
}
