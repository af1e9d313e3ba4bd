import type { AgendaItem } from '../playbook/inspection-settings.js';

/** A POC plan: the playbook's session template instantiated for one deal, with its criteria and results. */
export const POC_SESSION_STATUSES = ['planned', 'completed', 'cancelled'] as const;
export type PocSessionStatus = (typeof POC_SESSION_STATUSES)[number];

export const POC_CRITERION_STATUSES = ['pending', 'met', 'not_met'] as const;
export type PocCriterionStatus = (typeof POC_CRITERION_STATUSES)[number];

export const POC_STATUSES = ['none', 'planned', 'in_progress', 'succeeded', 'challenged'] as const;
export type PocStatus = (typeof POC_STATUSES)[number];

export interface PocAttendee {
  name: string;
  email: string | null;
}

export interface PocSession {
  id: string;
  /** The template session it was made from (`hands_on` may appear several times). */
  templateKey: string;
  /** 1 for the first session of a template, 2 for the second Hands-On, … */
  sequence: number;
  name: string;
  purpose: string;
  durationMinutes: number | null;
  agenda: AgendaItem[];
  scheduledAt: Date | null;
  attendees: PocAttendee[];
  status: PocSessionStatus;
  completedAt: Date | null;
  notes: string | null;
}

export interface PocCriterion {
  id: string;
  /** The key of its group in the playbook's POC method. */
  group: string;
  position: number;
  text: string;
  target: string | null;
  result: string | null;
  status: PocCriterionStatus;
}

/** One workload or query measured on the customer's current platform (baseline) and on ours. */
export interface PocBenchmark {
  id: string;
  workload: string;
  baselineLatencyMs: number;
  ourLatencyMs: number;
  baselineCostMinor: number;
  ourCostMinor: number;
  currency: string;
}

export interface PocTco {
  baselineAnnualMinor: number;
  ourAnnualMinor: number;
  currency: string;
  note: string | null;
}

/** The Mutual POC Success Plan signed off by the Champion. */
export interface PocSignOff {
  contactId: string;
  signedAt: Date;
  evidenceUrl: string;
  recordedBy: string;
}

export interface PocReadout {
  completedAt: Date;
  recordedBy: string;
  note: string | null;
}

export interface PocPlan {
  id: string;
  opportunityId: string;
  sessions: PocSession[];
  criteria: PocCriterion[];
  benchmarks: PocBenchmark[];
  tco: PocTco | null;
  signOff: PocSignOff | null;
  readout: PocReadout | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}
