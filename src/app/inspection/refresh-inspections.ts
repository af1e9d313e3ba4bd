import { findOpenDealHeads } from '../../db/repositories/deal-heads-repo.js';
import { saveExpectations } from '../../db/repositories/deal-inspections-repo.js';
import {
  expectationTimes,
  insertMissingInspections,
  listStaleInspections,
  listUninspectedOpenDeals,
  refreshInspectionRows,
  type StaleInspection,
} from '../../db/repositories/inspection-refresh-repo.js';
import type { AppContext } from '../context.js';
import { computeExpectedDurations } from './deal-evidence.js';
import { inspectionsOfDeals } from './store-inspections.js';

export const REFRESH_BATCH = 2000;

export interface RefreshOptions {
  /** Rows computed before this (or under an older playbook version) are recomputed. */
  asOf: Date;
  batchSize?: number;
  /** Called after each batch (one transaction) with the counts so far. */
  onBatch?: (progress: RefreshOutcome) => void;
}

export interface RefreshOutcome {
  /** Pipelines whose expected stage durations were recomputed. */
  pipelines: number;
  batches: number;
  /** Stored rows recomputed. */
  refreshed: number;
  /** Rows a use case rewrote between this run's read and write (theirs is kept). */
  skipped: number;
  /** Open deals that had no stored row and now have one. */
  backfilled: number;
}

/**
 * Brings the stored inspections up to date for the passing of time (decision 024 §2): first each pipeline's
 * expected durations, then, a batch per transaction, every row computed before `asOf` (or before its pipeline's
 * expectations) or under an older playbook version, and every open deal without a row. A row is rewritten only
 * if no one rewrote it since it was read, so a user's write in between wins and no lock is held for long. The
 * data is the cursor: a run that stops half-way is finished by the next one.
 */
export async function refreshInspections(
  context: AppContext,
  options: RefreshOptions,
): Promise<RefreshOutcome> {
  const limit = options.batchSize ?? REFRESH_BATCH;
  const playbookVersion = context.playbookVersion ?? 0;
  const { asOf } = options;
  const pipelines = await refreshExpectations(context, asOf);
  const outcome: RefreshOutcome = { pipelines, batches: 0, refreshed: 0, skipped: 0, backfilled: 0 };
  let after: StaleInspection | null = null;
  for (;;) {
    const batch = await context.db.transaction().execute(async (trx) => {
      const read = await listStaleInspections(trx, { asOf, playbookVersion, after, limit });
      if (read.length === 0) return { read, written: 0 };
      const heads = await findOpenDealHeads(
        trx,
        read.map((row) => row.opportunityId),
      );
      const rows = await inspectionsOfDeals(context, trx, heads, context.now());
      return { read, written: (await refreshInspectionRows(trx, rows, read)).length };
    });
    if (batch.read.length === 0) break;
    after = batch.read[batch.read.length - 1] ?? null;
    outcome.refreshed += batch.written;
    outcome.skipped += batch.read.length - batch.written;
    outcome.batches++;
    options.onBatch?.({ ...outcome });
  }
  let afterId: string | null = null;
  for (;;) {
    const batch = await context.db.transaction().execute(async (trx) => {
      const missing = await listUninspectedOpenDeals(trx, { afterId, limit });
      if (missing.length === 0) return { missing, inserted: 0 };
      const heads = await findOpenDealHeads(trx, missing);
      const rows = await inspectionsOfDeals(context, trx, heads, context.now());
      return { missing, inserted: await insertMissingInspections(trx, rows) };
    });
    if (batch.missing.length === 0) break;
    afterId = batch.missing[batch.missing.length - 1] ?? null;
    outcome.backfilled += batch.inserted;
    outcome.batches++;
    options.onBatch?.({ ...outcome });
  }
  return outcome;
}

/**
 * Recomputes the expected durations of the playbook's pipelines not computed since `asOf` under this version (a
 * pipeline's rows computed before its expectations are due too: they used the old ones). Answers how many.
 */
async function refreshExpectations(context: AppContext, asOf: Date): Promise<number> {
  const playbookVersion = context.playbookVersion ?? 0;
  const times = await expectationTimes(context.db, playbookVersion);
  let pipelines = 0;
  for (const pipeline of context.playbook.pipelines) {
    const at = times.get(pipeline.key);
    if (at && at >= asOf) continue;
    const computed = await computeExpectedDurations(context.db, context.playbook, pipeline.key);
    if (!computed) continue;
    await saveExpectations(context.db, pipeline.key, computed, context.now(), playbookVersion);
    pipelines++;
  }
  return pipelines;
}
