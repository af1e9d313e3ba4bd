import type { ActivityFact } from '../activity/activity.js';
import type { ClosingFacts } from '../closing/closing-facts.js';
import type { UpliftVerdict } from '../contract/renewal-uplift.js';
import type { LeadSource } from '../playbook/playbook.js';
import type { PocAssessment } from '../poc/assess-poc.js';
import type { MilestoneRecord } from '../poc/milestones.js';
import type { MeddpiccState } from '../qualification/meddpicc.js';

export interface Attestation {
  attestedBy: string;
  attestedAt: Date;
  note: string | null;
  evidenceUrl: string | null;
}

/** What the gate engine needs to know about a deal: plain data, loaded by the app layer. */
export interface OpportunityFacts {
  type: string;
  pipeline: string;
  stage: string;
  source: LeadSource;
  amountMinor: number;
  closeDate: string;
  nextStep: string | null;
  description: string | null;
  meddpicc: MeddpiccState;
  attestations: Record<string, Attestation | undefined>;
  /** The POC plan's assessment; null while the deal has no plan. */
  poc: PocAssessment | null;
  /** Win milestones recorded, by key. */
  milestones: Record<string, Pick<MilestoneRecord, 'achievedAt' | 'recordedBy'> | undefined>;
  /** Renewal vs Expansion against the contract renewed; null for other types. */
  uplift: UpliftVerdict | null;
  /** The deal's activities that have taken place, oldest first. */
  activities: ActivityFact[];
  /** Whether the deal's type suits the account's customer class today, and why. */
  customerFit: { fits: boolean; message: string };
  /** The offer version the customer chose an option of and its vendor evidence; null while none is chosen. */
  closing: ClosingFacts | null;
}
