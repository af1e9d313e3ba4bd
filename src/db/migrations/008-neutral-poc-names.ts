import { type Kysely, sql } from 'kysely';

/**
 * Neutral names for the vendor's side of a POC (any company's playbook, not only Firebolt's): the measured
 * product's latency, cost and annual TCO become "ours". The columns are renamed in place, so their data and
 * their check constraints (which follow the column) stay; the constraints take the matching names too.
 * A success criterion's group is now one of the playbook's groups (e.g. throughput, safety), so the check
 * that listed technical/business/relationship goes; the application validates groups against the playbook.
 */
const statements: readonly string[] = [
  `alter table poc_plans rename column tco_firebolt_annual_minor to tco_our_annual_minor`,
  `alter table poc_plans rename constraint poc_plans_tco_firebolt_annual_minor_check
    to poc_plans_tco_our_annual_minor_check`,
  `alter table poc_benchmarks rename column firebolt_latency_ms to our_latency_ms`,
  `alter table poc_benchmarks rename constraint poc_benchmarks_firebolt_latency_ms_check
    to poc_benchmarks_our_latency_ms_check`,
  `alter table poc_benchmarks rename column firebolt_cost_minor to our_cost_minor`,
  `alter table poc_benchmarks rename constraint poc_benchmarks_firebolt_cost_minor_check
    to poc_benchmarks_our_cost_minor_check`,
  `alter table poc_success_criteria drop constraint if exists poc_success_criteria_criteria_group_check`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
