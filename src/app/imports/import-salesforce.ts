import type { Readable } from 'node:stream';
import {
  findImportRun,
  type ImportRun,
  insertImportRun,
  updateImportRun,
} from '../../db/repositories/import-runs-repo.js';
import { listUsers } from '../../db/repositories/users-repo.js';
import type { ImportMode } from '../../db/schema-imports.js';
import { rightsOf } from '../../domain/access/principal.js';
import type { ImportMapping } from '../../domain/imports/import-mapping.js';
import { err, ok, type Result } from '../../domain/result.js';
import { type AppError, forbidden } from '../app-error.js';
import type { Actor, AppContext } from '../context.js';
import { activeTerritories } from '../territory/compiled-territories.js';
import { CsvFileError, csvBatches, type NumberedRow } from './csv-batches.js';
import { importAccountBatch } from './import-account-batch.js';
import { importOpportunityBatch } from './import-opportunity-batch.js';
import { type ImportDb, type ImportScope, ImportTally } from './import-scope.js';
import { liveProgress } from './live-progress.js';
import { SharedGateSnapshots } from './shared-gate-snapshots.js';

/** Rows per multi-row statement. */
export const IMPORT_BATCH_ROWS = 2000;

export interface SalesforceImportInput {
  /** Account.csv and Opportunity.csv as streams (either may be left out: deals may name accounts imported before). */
  accounts?: Readable;
  opportunities?: Readable;
  mapping: ImportMapping;
  mode: ImportMode;
  /** The rows expected (a quick line count), for progress. */
  rowsTotal: number;
  /** A run created beforehand (queued by the API); else one is created. */
  runId?: string;
}

export type ImportProgress = (run: { rowsDone: number; rowsTotal: number; rejected: number }) => void;

class RolledBack extends Error {}

/** Who may import: `importData` (RevOps admins). */
export function checkImportRight(actor: Actor): AppError | null {
  if (rightsOf(actor.principal).importData) return null;
  return forbidden('Only RevOps admins (importData) import data.');
}

/**
 * Imports a Salesforce data export, streamed in batches. Dry run: every row judged, nothing written. All or
 * nothing: one transaction, rolled back when any row is bad. Good rows only: a transaction per batch, bad rows
 * reported and skipped. Re-imports update the records imported before under the same Salesforce ids.
 */
export async function importSalesforce(
  context: AppContext,
  actor: Actor,
  input: SalesforceImportInput,
  onProgress?: ImportProgress,
): Promise<Result<ImportRun, AppError>> {
  const refused = checkImportRight(actor);
  if (refused) return err(refused);
  const now = context.now();
  const id = input.runId ?? context.newId('imp');
  if (!input.runId) {
    await insertImportRun(context.db, {
      id,
      kind: 'salesforce',
      source: input.mapping.source,
      mode: input.mode,
      status: 'running',
      rowsTotal: input.rowsTotal,
      startedAt: now,
      byUser: actor.id,
    });
  }
  const users = await listUsers(context.db);
  const tally = new ImportTally();
  const scope: ImportScope = {
    context,
    actor,
    mapping: input.mapping,
    now,
    write: input.mode !== 'dry_run',
    usersByEmail: new Map(users.map((user) => [user.email.toLowerCase(), user])),
    territories: await activeTerritories(context.db),
    accounts: new Map(),
    tally,
    gates: new SharedGateSnapshots(),
  };
  const state = (status: ImportRun['status']) => ({ status, ...tally, rowsTotal: input.rowsTotal });
  if (input.runId) await updateImportRun(context.db, id, state('running'));
  const report = async (db: ImportDb, batch: NumberedRow[]) => {
    tally.rowsDone += batch.length;
    onProgress?.({ rowsDone: tally.rowsDone, rowsTotal: input.rowsTotal, rejected: tally.rejected });
    // A dry run and good rows only write their progress as they go; all or nothing cannot (its one
    // transaction is seen when it ends), so its progress is kept in this process (getImportRun shows it).
    if (input.mode === 'all_or_nothing') liveProgress.advance(id, tally.rowsDone, tally.rejected);
    else await updateImportRun(db, id, state('running'));
  };
  const run = async (inBatch: (step: (db: ImportDb) => Promise<void>) => Promise<void>) => {
    const files = [
      { stream: input.accounts, step: importAccountBatch, file: 'Account.csv' },
      { stream: input.opportunities, step: importOpportunityBatch, file: 'Opportunity.csv' },
    ];
    for (const { stream, step, file } of files) {
      if (!stream) continue;
      for await (const batch of csvBatches(stream, IMPORT_BATCH_ROWS, file)) {
        await inBatch(async (db) => {
          await step(scope, db, batch);
          await report(db, batch);
        });
      }
    }
  };
  try {
    if (input.mode === 'all_or_nothing') {
      const started = await findImportRun(context.db, id);
      if (started) liveProgress.start(started);
      await context.db.transaction().execute(async (trx) => {
        await run((step) => step(trx));
        if (tally.rejected > 0) throw new RolledBack();
      });
    } else if (input.mode === 'good_rows_only') {
      await run((step) => context.db.transaction().execute(step));
    } else {
      await run((step) => step(context.db));
    }
  } catch (error) {
    liveProgress.end(id);
    if (error instanceof CsvFileError) {
      tally.reject(error.file, error.line, [{ field: '', message: error.message }]);
      if (input.mode === 'all_or_nothing') tally.reset();
    } else if (error instanceof RolledBack) {
      tally.reset();
    } else {
      await updateImportRun(context.db, id, { ...state('failed'), finishedAt: context.now() });
      throw error;
    }
  }
  liveProgress.end(id);
  const failed = tally.rejected > 0 && input.mode === 'all_or_nothing';
  await updateImportRun(context.db, id, {
    ...state(failed ? 'failed' : 'succeeded'),
    finishedAt: context.now(),
  });
  const stored = await findImportRun(context.db, id);
  return stored ? ok(stored) : err({ code: 'not_found', message: 'the import run vanished' });
}
