import {
  listCurrentDeals,
  listSnapshotDeals,
  type SnapshotDeal,
  snapshotAtOrBefore,
} from '../../db/repositories/deal-snapshots-repo.js';
import { visibilityFor } from '../../domain/access/record-access.js';
import {
  compareSnapshots,
  type DealChange,
  type DealState,
  type KindTotal,
} from '../../domain/forecast-changes/compare-snapshots.js';
import { type PeriodRange, parsePeriod, quarterOf } from '../../domain/forecast-changes/period.js';
import { findPipeline, findStage } from '../../domain/playbook/lookup.js';
import type { Playbook } from '../../domain/playbook/playbook.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, invalid, notFound } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import type { ChangesQuery } from './changes-inputs.js';

export interface ForecastChange extends DealChange {
  name: string;
  ownerId: string;
}

export interface ForecastChanges {
  period: PeriodRange;
  pipeline: string | null;
  /** The snapshots compared: the latest taken on or before each date. */
  fromSnapshotAt: Date;
  toSnapshotAt: Date;
  changes: ForecastChange[];
  totals: KindTotal[];
}

const endOfDay = (date: string) => new Date(`${date}T23:59:59.999Z`);

function outcomeNow(playbook: Playbook, deal: { pipeline: string; stage: string }) {
  const pipeline = findPipeline(playbook, deal.pipeline);
  return (pipeline && findStage(pipeline, deal.stage)?.outcome) ?? 'open';
}

/**
 * What changed between the snapshots on or before two dates: each deal of the period with its kind and words,
 * and the totals per kind and currency. Only deals the caller may read (as every list); a deal of the earlier
 * snapshot that the later one no longer holds counts as won or lost when it closed by then.
 */
export async function listForecastChanges(
  context: AppContext,
  actor: Actor,
  query: ChangesQuery,
): Promise<Result<ForecastChanges, AppError>> {
  if (query.pipeline && !findPipeline(context.playbook, query.pipeline)) {
    return err(notFound('pipeline', query.pipeline));
  }
  const fromSnapshotAt = await snapshotAtOrBefore(context.db, endOfDay(query.from));
  if (!fromSnapshotAt) {
    return err(invalid([{ path: 'from', message: `no snapshot was taken on or before ${query.from}` }]));
  }
  const toSnapshotAt = (await snapshotAtOrBefore(context.db, endOfDay(query.to))) as Date;
  const visibility = visibilityFor(actor.principal, 'opportunity');
  const pipeline = query.pipeline ?? null;
  const [before, after] = await Promise.all([
    listSnapshotDeals(context.db, fromSnapshotAt, visibility, pipeline),
    listSnapshotDeals(context.db, toSnapshotAt, visibility, pipeline),
  ]);
  const later = new Set(after.map((deal) => deal.opportunityId));
  const gone = await listCurrentDeals(
    context.db,
    before.filter((deal) => !later.has(deal.opportunityId)).map((deal) => deal.opportunityId),
  );
  const closedSince: SnapshotDeal[] = gone.flatMap(({ closedAt, ...deal }) => {
    const outcome = outcomeNow(context.playbook, deal);
    return outcome !== 'open' && closedAt && closedAt <= endOfDay(query.to) ? [{ ...deal, outcome }] : [];
  });
  const period = (query.period && parsePeriod(query.period)) || quarterOf(query.to);
  const people = new Map(
    [...before, ...after, ...closedSince].map((deal) => [deal.opportunityId, deal] as const),
  );
  const comparison = compareSnapshots(before, [...after, ...closedSince] as DealState[], period);
  return ok({
    period,
    pipeline,
    fromSnapshotAt,
    toSnapshotAt,
    changes: comparison.changes.map((change) => {
      const deal = people.get(change.opportunityId) as SnapshotDeal;
      return { ...change, name: deal.name, ownerId: deal.ownerId };
    }),
    totals: comparison.totals,
  });
}
