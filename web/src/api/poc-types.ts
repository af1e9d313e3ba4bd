/** The POC method and win milestones as the API answers them (timestamps are ISO strings on the wire). */
export type PocSessionStatus = 'planned' | 'completed' | 'cancelled';
export type PocCriterionStatus = 'pending' | 'met' | 'not_met';
export type PocStatus = 'none' | 'planned' | 'in_progress' | 'succeeded' | 'challenged';
/** The key of one of the playbook's success-criteria groups (e.g. technical, or throughput). */
export type PocCriteriaGroup = string;

export interface PocSession {
  id: string;
  templateKey: string;
  sequence: number;
  name: string;
  purpose: string;
  durationMinutes: number | null;
  agenda: Array<{ item: string; minutes?: number }>;
  scheduledAt: string | null;
  attendees: Array<{ name: string; email: string | null }>;
  status: PocSessionStatus;
  completedAt: string | null;
  notes: string | null;
}

export interface PocCriterion {
  id: string;
  group: PocCriteriaGroup;
  position: number;
  text: string;
  target: string | null;
  result: string | null;
  status: PocCriterionStatus;
}

export interface PocBenchmark {
  id: string;
  workload: string;
  baselineLatencyMs: number;
  ourLatencyMs: number;
  baselineCostMinor: number;
  ourCostMinor: number;
  currency: string;
}

export interface PocPlan {
  id: string;
  opportunityId: string;
  sessions: PocSession[];
  criteria: PocCriterion[];
  benchmarks: PocBenchmark[];
  tco: {
    baselineAnnualMinor: number;
    ourAnnualMinor: number;
    currency: string;
    note: string | null;
  } | null;
  signOff: { contactId: string; signedAt: string; evidenceUrl: string; recordedBy: string } | null;
  readout: { completedAt: string; recordedBy: string; note: string | null } | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface PocView {
  plan: PocPlan;
  assessment: {
    status: PocStatus;
    reasons: string[];
    resultsMeetCriteria: boolean;
    readoutCompleted: boolean;
    planSignedOff: boolean;
    criteria: { total: number; met: number; notMet: number; pending: number };
    sessions: { total: number; completed: number; validationCompleted: boolean };
  };
  opportunityVersion: number;
}

export interface Milestone {
  milestone: string;
  achievedAt: string;
  recordedBy: string;
  evidenceUrl: string | null;
  note: string | null;
}
