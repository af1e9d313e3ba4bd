import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import {
  exportAccounts,
  exportOpportunities,
  exportStageHistory,
} from '../../db/repositories/export-repo.js';
import { visibilityFor } from '../../domain/access/record-access.js';
import { guardCell } from '../../domain/exports/formula-guard.js';
import type { Actor, AppContext } from '../context.js';

export const EXPORT_KINDS = ['accounts', 'opportunities', 'history'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** One cell as text: dates in ISO 8601 (UTC), nothing as empty, and never a formula. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return guardCell(String(value));
}

function rowsOf(context: AppContext, actor: Actor, kind: ExportKind): AsyncIterable<Record<string, unknown>> {
  switch (kind) {
    case 'accounts':
      return exportAccounts(context.db, visibilityFor(actor.principal, 'account'));
    case 'opportunities':
      return exportOpportunities(context.db, visibilityFor(actor.principal, 'opportunity'));
    case 'history':
      return exportStageHistory(context.db, visibilityFor(actor.principal, 'opportunity'));
  }
}

async function* cells(rows: AsyncIterable<Record<string, unknown>>) {
  for await (const row of rows) {
    yield Object.fromEntries(Object.entries(row).map(([column, value]) => [column, cellText(value)]));
  }
}

/**
 * A CSV of the records the caller may read (the same visibility rules as every list), streamed page by page
 * from the database; the header row is the columns' names (amounts in minor units beside their currency).
 */
export function exportCsv(context: AppContext, actor: Actor, kind: ExportKind): Readable {
  const rows = Readable.from(cells(rowsOf(context, actor, kind)));
  // No rows: a header is still written by the stringifier only when columns are known, so name them up front.
  return rows.pipe(stringify({ header: true, columns: COLUMNS[kind] }));
}

export const COLUMNS: Record<ExportKind, string[]> = {
  accounts: [
    'id',
    'name',
    'domain',
    'segment',
    'industry',
    'country',
    'subdivision',
    'city',
    'postal_code',
    'owner_email',
    'external_source',
    'external_id',
    'created_at',
    'updated_at',
  ],
  opportunities: [
    'id',
    'name',
    'account_id',
    'account_name',
    'type',
    'pipeline',
    'stage',
    'probability',
    'forecast_category',
    'amount_minor',
    'currency',
    'close_date',
    'owner_email',
    'source',
    'next_step',
    'loss_reason',
    'external_source',
    'external_id',
    'created_at',
    'updated_at',
  ],
  history: [
    'id',
    'opportunity_id',
    'opportunity_name',
    'from_stage',
    'to_stage',
    'kind',
    'overridden',
    'changed_by',
    'changed_at',
  ],
};
