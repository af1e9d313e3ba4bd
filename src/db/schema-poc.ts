import type { Jsonb } from './schema.js';

/** The POC method's tables: the plan, its sessions, success criteria and benchmarks (migration 005). */

export interface PocPlansTable {
  id: string;
  opportunity_id: string;
  tco_baseline_annual_minor: number | null;
  tco_our_annual_minor: number | null;
  tco_currency: string | null;
  tco_note: string | null;
  signed_off_by_contact_id: string | null;
  signed_off_at: Date | null;
  sign_off_evidence_url: string | null;
  sign_off_recorded_by: string | null;
  readout_completed_at: Date | null;
  readout_recorded_by: string | null;
  readout_note: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export interface PocSessionsTable {
  id: string;
  plan_id: string;
  template_key: string;
  sequence: number;
  name: string;
  purpose: string;
  duration_minutes: number | null;
  agenda: Jsonb<Array<{ item: string; minutes?: number }>>;
  scheduled_at: Date | null;
  attendees: Jsonb<Array<{ name: string; email: string | null }>>;
  status: 'planned' | 'completed' | 'cancelled';
  completed_at: Date | null;
  notes: string | null;
}

export interface PocSuccessCriteriaTable {
  id: string;
  plan_id: string;
  criteria_group: string;
  position: number;
  text: string;
  target: string | null;
  result: string | null;
  status: 'pending' | 'met' | 'not_met';
}

export interface PocBenchmarksTable {
  id: string;
  plan_id: string;
  workload: string;
  baseline_latency_ms: number;
  our_latency_ms: number;
  baseline_cost_minor: number;
  our_cost_minor: number;
  currency: string;
  created_at: Date;
}
