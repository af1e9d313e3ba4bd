import type { DateString, Jsonb } from './schema.js';

/**
 * One open deal's inspection as last computed (migration 024, decision 024): what lists sort and filter by, the
 * deal's columns they filter on (kept by a trigger), and the whole verdict with its reasons in `detail`.
 */
export interface DealInspectionsTable {
  opportunity_id: string;
  owner_id: string;
  created_by: string | null;
  pipeline: string;
  forecast_category: string;
  amount_minor: number;
  currency: string;
  close_date: DateString;
  health_score: number;
  health_band: string;
  /** Bit i set: the i-th health indicator holds (HEALTH_INDICATORS order). */
  indicator_mask: number;
  velocity_class: string;
  /** The velocity order of the at-risk list: At Risk first, then Recovery, Standard, Fast Track; longest in stage first. */
  velocity_rank: number;
  days_in_stage: number;
  expected_days: number | null;
  meddpicc_score: number;
  at_risk: boolean;
  detail: Jsonb;
  computed_at: Date;
  playbook_version: number;
}

/** A pipeline's expected business days per stage, as the refresh job last computed them (migration 024). */
export interface PipelineExpectationsTable {
  pipeline: string;
  source: string;
  closed_deals: number;
  days: Jsonb;
  computed_at: Date;
  playbook_version: number;
}
