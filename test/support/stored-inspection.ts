import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { AppContext } from '../../src/app/context.js';
import { inspectOpportunity } from '../../src/app/inspection/inspect-opportunity.js';
import { refreshInspections } from '../../src/app/inspection/refresh-inspections.js';
import type { Database } from '../../src/db/schema.js';
import { storedVerdict } from '../../src/domain/inspection/stored-verdict.js';
import { admin } from './factories.js';

/** The stored inspection row of a deal, if any. */
export function readStoredInspection(db: Kysely<Database>, id: string) {
  return db.selectFrom('deal_inspections').selectAll().where('opportunity_id', '=', id).executeTakeFirst();
}

/**
 * Asserts the deal's stored inspection is what a fresh inspection computes now: the same verdict columns and the
 * same reasons and evidence (as JSON, the way it is stored).
 */
export async function expectStoredMatchesFresh(context: AppContext, id: string) {
  const stored = await readStoredInspection(context.db, id);
  const fresh = await inspectOpportunity(context, admin(), id);
  if (!fresh.ok) throw new Error(fresh.error.message);
  const { opportunityId: _id, customer: _customer, ...detail } = fresh.value;
  const verdict = storedVerdict(detail.health, detail.velocity, detail.meddpicc.score);
  if (!stored) throw new Error(`no stored inspection for ${id}`);
  expect({
    healthScore: stored.health_score,
    healthBand: stored.health_band,
    indicatorMask: stored.indicator_mask,
    velocityClass: stored.velocity_class,
    velocityRank: stored.velocity_rank,
    daysInStage: stored.days_in_stage,
    expectedDays: stored.expected_days,
    meddpiccScore: stored.meddpicc_score,
    atRisk: stored.at_risk,
  }).toEqual(verdict);
  expect(stored.detail).toEqual(JSON.parse(JSON.stringify(detail)));
  expect(stored.computed_at).toEqual(context.now());
  return stored;
}

/** The daily refresh, as the server's job runs it, at the context's now. */
export async function refreshAsOfNow(context: AppContext): Promise<void> {
  await refreshInspections(context, { asOf: context.now() });
}

/** How many open deals there are (each has a stored inspection). */
export async function countOpenDeals(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('opportunities')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('closed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
