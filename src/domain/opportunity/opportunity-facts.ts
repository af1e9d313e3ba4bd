import type { LeadSource } from '../playbook/playbook.js';
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
}
