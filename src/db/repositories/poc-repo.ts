import type { Kysely, Selectable } from 'kysely';
import type { PocPlan } from '../../domain/poc/poc-plan.js';
import type { Database, PocPlansTable } from '../schema.js';

function planFrom(row: Selectable<PocPlansTable>): Omit<PocPlan, 'sessions' | 'criteria' | 'benchmarks'> {
  const tco =
    row.tco_baseline_annual_minor !== null && row.tco_our_annual_minor !== null && row.tco_currency
      ? {
          baselineAnnualMinor: row.tco_baseline_annual_minor,
          ourAnnualMinor: row.tco_our_annual_minor,
          currency: row.tco_currency,
          note: row.tco_note,
        }
      : null;
  const signOff =
    row.signed_off_by_contact_id && row.signed_off_at && row.sign_off_evidence_url
      ? {
          contactId: row.signed_off_by_contact_id,
          signedAt: row.signed_off_at,
          evidenceUrl: row.sign_off_evidence_url,
          recordedBy: row.sign_off_recorded_by ?? '',
        }
      : null;
  const readout = row.readout_completed_at
    ? {
        completedAt: row.readout_completed_at,
        recordedBy: row.readout_recorded_by ?? '',
        note: row.readout_note,
      }
    : null;
  return {
    id: row.id,
    opportunityId: row.opportunity_id,
    tco,
    signOff,
    readout,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The deal's POC plan with its sessions, criteria and benchmarks, or undefined. */
export async function findPocPlan(db: Kysely<Database>, opportunityId: string): Promise<PocPlan | undefined> {
  return (await findPocPlans(db, [opportunityId])).get(opportunityId);
}

/** The POC plans of many deals (in four queries), by deal. */
export async function findPocPlans(
  db: Kysely<Database>,
  opportunityIds: readonly string[],
): Promise<Map<string, PocPlan>> {
  const plans = new Map<string, PocPlan>();
  if (opportunityIds.length === 0) return plans;
  const rows = await db
    .selectFrom('poc_plans')
    .selectAll()
    .where('opportunity_id', 'in', [...opportunityIds])
    .execute();
  if (rows.length === 0) return plans;
  const planIds = rows.map((row) => row.id);
  const [sessions, criteria, benchmarks] = [
    await db.selectFrom('poc_sessions').selectAll().where('plan_id', 'in', planIds).execute(),
    await db.selectFrom('poc_success_criteria').selectAll().where('plan_id', 'in', planIds).execute(),
    await db
      .selectFrom('poc_benchmarks')
      .selectAll()
      .where('plan_id', 'in', planIds)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ];
  for (const row of rows) {
    plans.set(row.opportunity_id, {
      ...planFrom(row),
      sessions: sessions
        .filter((session) => session.plan_id === row.id)
        .map((session) => ({
          id: session.id,
          templateKey: session.template_key,
          sequence: session.sequence,
          name: session.name,
          purpose: session.purpose,
          durationMinutes: session.duration_minutes,
          agenda: session.agenda,
          scheduledAt: session.scheduled_at,
          attendees: session.attendees,
          status: session.status,
          completedAt: session.completed_at,
          notes: session.notes,
        }))
        .sort((a, b) => a.templateKey.localeCompare(b.templateKey) || a.sequence - b.sequence),
      criteria: criteria
        .filter((criterion) => criterion.plan_id === row.id)
        .map((criterion) => ({
          id: criterion.id,
          group: criterion.criteria_group,
          position: criterion.position,
          text: criterion.text,
          target: criterion.target,
          result: criterion.result,
          status: criterion.status,
        }))
        .sort((a, b) => a.group.localeCompare(b.group) || a.position - b.position),
      benchmarks: benchmarks
        .filter((benchmark) => benchmark.plan_id === row.id)
        .map((benchmark) => ({
          id: benchmark.id,
          workload: benchmark.workload,
          baselineLatencyMs: benchmark.baseline_latency_ms,
          ourLatencyMs: benchmark.our_latency_ms,
          baselineCostMinor: benchmark.baseline_cost_minor,
          ourCostMinor: benchmark.our_cost_minor,
          currency: benchmark.currency,
        })),
    });
  }
  return plans;
}

/** The rows of `after` that differ from their version in `before` (all of them without `before`). */
function changedRows<T extends { id: string }>(after: T[], before: T[] | undefined): T[] {
  if (!before) return after;
  const old = new Map(before.map((row) => [row.id, JSON.stringify(row)]));
  return after.filter((row) => old.get(row.id) !== JSON.stringify(row));
}

/**
 * Writes the plan row and the sessions, criteria and benchmarks that changed since `before` (every one when
 * it is not given), upserted by id. Rows are never deleted: sessions are cancelled, not removed.
 */
export async function savePocPlan(db: Kysely<Database>, plan: PocPlan, before?: PocPlan): Promise<void> {
  const sessions = changedRows(plan.sessions, before?.sessions);
  const criteria = changedRows(plan.criteria, before?.criteria);
  const benchmarks = changedRows(plan.benchmarks, before?.benchmarks);
  const values = {
    tco_baseline_annual_minor: plan.tco?.baselineAnnualMinor ?? null,
    tco_our_annual_minor: plan.tco?.ourAnnualMinor ?? null,
    tco_currency: plan.tco?.currency ?? null,
    tco_note: plan.tco?.note ?? null,
    signed_off_by_contact_id: plan.signOff?.contactId ?? null,
    signed_off_at: plan.signOff?.signedAt ?? null,
    sign_off_evidence_url: plan.signOff?.evidenceUrl ?? null,
    sign_off_recorded_by: plan.signOff?.recordedBy ?? null,
    readout_completed_at: plan.readout?.completedAt ?? null,
    readout_recorded_by: plan.readout?.recordedBy ?? null,
    readout_note: plan.readout?.note ?? null,
    updated_at: plan.updatedAt,
  };
  await db
    .insertInto('poc_plans')
    .values({
      id: plan.id,
      opportunity_id: plan.opportunityId,
      created_by: plan.createdBy,
      created_at: plan.createdAt,
      ...values,
    })
    .onConflict((conflict) => conflict.column('id').doUpdateSet(values))
    .execute();
  if (sessions.length > 0) {
    await db
      .insertInto('poc_sessions')
      .values(
        sessions.map((session) => ({
          id: session.id,
          plan_id: plan.id,
          template_key: session.templateKey,
          sequence: session.sequence,
          name: session.name,
          purpose: session.purpose,
          duration_minutes: session.durationMinutes,
          agenda: JSON.stringify(session.agenda),
          scheduled_at: session.scheduledAt,
          attendees: JSON.stringify(session.attendees),
          status: session.status,
          completed_at: session.completedAt,
          notes: session.notes,
        })),
      )
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          scheduled_at: eb.ref('excluded.scheduled_at'),
          attendees: eb.ref('excluded.attendees'),
          status: eb.ref('excluded.status'),
          completed_at: eb.ref('excluded.completed_at'),
          notes: eb.ref('excluded.notes'),
        })),
      )
      .execute();
  }
  if (criteria.length > 0) {
    await db
      .insertInto('poc_success_criteria')
      .values(
        criteria.map((criterion) => ({
          id: criterion.id,
          plan_id: plan.id,
          criteria_group: criterion.group,
          position: criterion.position,
          text: criterion.text,
          target: criterion.target,
          result: criterion.result,
          status: criterion.status,
        })),
      )
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          target: eb.ref('excluded.target'),
          result: eb.ref('excluded.result'),
          status: eb.ref('excluded.status'),
        })),
      )
      .execute();
  }
  const removed = (before?.benchmarks ?? []).filter(
    (old) => !plan.benchmarks.some((benchmark) => benchmark.id === old.id),
  );
  if (removed.length > 0) {
    await db
      .deleteFrom('poc_benchmarks')
      .where(
        'id',
        'in',
        removed.map((benchmark) => benchmark.id),
      )
      .execute();
  }
  if (benchmarks.length > 0) {
    await db
      .insertInto('poc_benchmarks')
      .values(
        benchmarks.map((benchmark) => ({
          id: benchmark.id,
          plan_id: plan.id,
          workload: benchmark.workload,
          baseline_latency_ms: benchmark.baselineLatencyMs,
          our_latency_ms: benchmark.ourLatencyMs,
          baseline_cost_minor: benchmark.baselineCostMinor,
          our_cost_minor: benchmark.ourCostMinor,
          currency: benchmark.currency,
          created_at: plan.updatedAt,
        })),
      )
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet((eb) => ({
          workload: eb.ref('excluded.workload'),
          baseline_latency_ms: eb.ref('excluded.baseline_latency_ms'),
          our_latency_ms: eb.ref('excluded.our_latency_ms'),
          baseline_cost_minor: eb.ref('excluded.baseline_cost_minor'),
          our_cost_minor: eb.ref('excluded.our_cost_minor'),
          currency: eb.ref('excluded.currency'),
        })),
      )
      .execute();
  }
}
