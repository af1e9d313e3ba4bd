import type { ForecastCategory, LeadSource, MeddpiccLevel } from '../playbook/playbook.js';

/** A deal as stored. Pipeline, probability and forecast category are derived from type and stage. */
export interface Opportunity {
  id: string;
  accountId: string;
  name: string;
  type: string;
  pipeline: string;
  stage: string;
  probability: number;
  forecastCategory: ForecastCategory;
  amountMinor: number;
  currency: string;
  closeDate: string;
  ownerId: string;
  /** Who created the deal (an SDR may create it for an AE). */
  createdBy: string | null;
  source: LeadSource;
  nextStep: string | null;
  description: string | null;
  lossReason: string | null;
  winningCompetitor: string | null;
  stageEnteredAt: Date;
  /** A stall with a known reason, snoozed until a resume date (YYYY-MM-DD). */
  stallSnooze: { until: string; reason: string } | null;
  closedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface MeddpiccRecord {
  element: string;
  level: MeddpiccLevel;
  summary: string | null;
  contactId: string | null;
  updatedBy: string;
  updatedAt: Date;
}

export interface AttestationRecord {
  criterion: string;
  attestedBy: string;
  attestedAt: Date;
  note: string | null;
  evidenceUrl: string | null;
}
