import { type Kysely, sql } from 'kysely';

/**
 * The POC method (one plan per deal: its sessions, success criteria, benchmarks, TCO, the Champion's sign-off
 * and the readout) and the win milestones recorded on a deal. Sessions keep the template they were made from
 * (name, purpose, duration, agenda), so a later playbook edit does not rewrite a plan in flight.
 */
const statements: readonly string[] = [
  `create table poc_plans (
    id text primary key,
    opportunity_id text not null unique references opportunities(id),
    tco_baseline_annual_minor bigint check (tco_baseline_annual_minor >= 0),
    tco_firebolt_annual_minor bigint check (tco_firebolt_annual_minor >= 0),
    tco_currency char(3),
    tco_note text,
    signed_off_by_contact_id text references contacts(id),
    signed_off_at timestamptz,
    sign_off_evidence_url text,
    sign_off_recorded_by text,
    readout_completed_at timestamptz,
    readout_recorded_by text,
    readout_note text,
    created_by text not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  `create table poc_sessions (
    id text primary key,
    plan_id text not null references poc_plans(id),
    template_key text not null,
    sequence integer not null check (sequence >= 1),
    name text not null,
    purpose text not null,
    duration_minutes integer check (duration_minutes > 0),
    agenda jsonb not null,
    scheduled_at timestamptz,
    attendees jsonb not null,
    status text not null check (status in ('planned','completed','cancelled')),
    completed_at timestamptz,
    notes text,
    unique (plan_id, template_key, sequence)
  )`,
  `create table poc_success_criteria (
    id text primary key,
    plan_id text not null references poc_plans(id),
    criteria_group text not null check (criteria_group in ('technical','business','relationship')),
    position integer not null,
    text text not null,
    target text,
    result text,
    status text not null check (status in ('pending','met','not_met'))
  )`,
  `create index poc_success_criteria_plan_idx on poc_success_criteria (plan_id)`,
  `create table poc_benchmarks (
    id text primary key,
    plan_id text not null references poc_plans(id),
    workload text not null,
    baseline_latency_ms integer not null check (baseline_latency_ms >= 0),
    firebolt_latency_ms integer not null check (firebolt_latency_ms >= 0),
    baseline_cost_minor bigint not null check (baseline_cost_minor >= 0),
    firebolt_cost_minor bigint not null check (firebolt_cost_minor >= 0),
    currency char(3) not null,
    created_at timestamptz not null
  )`,
  `create index poc_benchmarks_plan_idx on poc_benchmarks (plan_id, created_at)`,
  `create table opportunity_milestones (
    opportunity_id text not null references opportunities(id),
    milestone text not null,
    achieved_at timestamptz not null,
    recorded_by text not null,
    evidence_url text,
    note text,
    recorded_at timestamptz not null,
    primary key (opportunity_id, milestone)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
