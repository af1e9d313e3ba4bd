/**
 * Deals at risk on the stored inspections (decision 024): the use case beside the same two statements as raw
 * SQL — the indexed page (51 rows with their deal and account) and the grouped totals — for three callers: an
 * admin (every deal), an RVP (a region's owners, by the users semi-join) and an AE (own deals).
 */
import type { Kysely } from 'kysely';
import { actorFor } from '../src/app/access/actors.js';
import type { Actor, AppContext } from '../src/app/context.js';
import { atRiskQuery, listDealsAtRisk } from '../src/app/inspection/list-deals-at-risk.js';
import { refreshInspections } from '../src/app/inspection/refresh-inspections.js';
import { runRawSql } from '../src/db/run-raw-sql.js';
import type { Database } from '../src/db/schema.js';
import { type Timing, timeEach } from './measure.js';

const raw = (db: Kysely<Database>, text: string, params: unknown[] = []) => runRawSql(db, text, params);

/** Stores every open deal's inspection, 2,000 at a time (what the backfill does for deals bulk-inserted). */
/** The bulk-created deals' inspections, stored by the refresh job's backfill; answers how many it stored. */
export async function storeBenchInspections(context: AppContext): Promise<number> {
  const outcome = await refreshInspections(context, { asOf: context.now() });
  return outcome.backfilled + outcome.refreshed;
}

interface Shape {
  name: string;
  actor: Actor;
  /** The visibility condition visibleTo writes for this caller, with its parameters from $1. */
  where: string;
  params: unknown[];
}

const PAGE = `select o.*, a.name as account_name, di.detail, di.computed_at as inspected_at,
    di.playbook_version as inspected_playbook_version, di.health_score as inspected_key
  from deal_inspections di join opportunities o on o.id = di.opportunity_id join accounts a on a.id = o.account_id
  where di.at_risk and (WHERE) order by di.health_score, di.opportunity_id limit 51`;
const TOTALS = `select di.owner_id, di.currency, count(*), sum(di.amount_minor)::text
  from deal_inspections di where di.at_risk and (WHERE) group by di.owner_id, di.currency`;

export function atRiskShapes(region: string, ownerId: string): Shape[] {
  return [
    {
      name: 'admin, every deal',
      actor: actorFor({ id: 'user_bench_admin', role: 'revops_admin', region: null, managerId: null }),
      where: 'true',
      params: [],
    },
    {
      name: `RVP, region ${region}`,
      actor: actorFor({ id: 'user_bench_rvp', role: 'rvp', region, managerId: null }),
      where: 'di.owner_id in (select u.id from users u where u.region in ($1))',
      params: [region],
    },
    {
      name: 'AE, own deals',
      actor: actorFor({ id: ownerId, role: 'ae', region, managerId: null }),
      where:
        'di.owner_id = $1 or di.created_by = $2 or di.owner_id in (select u.id from users u where u.manager_id in ($3))',
      params: [ownerId, ownerId, ownerId],
    },
  ];
}

/** p50/p99 of the use case and of its two statements as raw SQL, per caller shape. */
export async function benchAtRisk(
  context: AppContext,
  shapes: readonly Shape[],
  runs = 30,
): Promise<Array<{ name: string; app: Timing; floor: Timing; listed: number }>> {
  const results = [];
  for (const shape of shapes) {
    const times = Array.from({ length: runs }, (_, index) => index);
    const first = await listDealsAtRisk(context, shape.actor, atRiskQuery.parse({ sort: 'health' }));
    if (!first.ok) throw new Error(first.error.message);
    const app = await timeEach(times, () =>
      listDealsAtRisk(context, shape.actor, atRiskQuery.parse({ sort: 'health' })),
    );
    const floor = await timeEach(times, async () => {
      await raw(context.db, PAGE.replace('WHERE', shape.where), shape.params);
      await raw(context.db, TOTALS.replace('WHERE', shape.where), shape.params);
    });
    results.push({ name: shape.name, app, floor, listed: first.value.totals.deals });
  }
  return results;
}

/** The plans of the page and totals statements (EXPLAIN), to check they walk the indexes. */
export async function explainAtRisk(db: Kysely<Database>, shapes: readonly Shape[]): Promise<string> {
  const lines: string[] = [];
  for (const shape of shapes) {
    for (const statement of [PAGE, TOTALS]) {
      const plan = await runRawSql<Record<string, string>, Database>(
        db,
        `explain ${statement.replace('WHERE', shape.where)}`,
        shape.params,
      );
      lines.push(`-- ${shape.name}`, ...plan.map((row) => Object.values(row)[0] ?? ''));
    }
  }
  return lines.join('\n');
}
