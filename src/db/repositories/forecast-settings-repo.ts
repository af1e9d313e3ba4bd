import type { Kysely } from 'kysely';
import type { Database, DateString } from '../schema.js';
import type { ForecastPeriodKind } from '../schema-forecast.js';

export interface FxRateRecord {
  currency: string;
  /** Decimal text, trailing zeros trimmed. */
  rate: string;
  updatedBy: string;
  updatedAt: Date;
  version: number;
}

const trimRate = (rate: string) => (rate.includes('.') ? rate.replace(/0+$/, '').replace(/\.$/, '') : rate);

export async function listFxRates(db: Kysely<Database>): Promise<FxRateRecord[]> {
  const rows = await db
    .selectFrom('fx_rates')
    .select(['currency', 'rate', 'updated_by as updatedBy', 'updated_at as updatedAt', 'version'])
    .orderBy('currency')
    .execute();
  return rows.map((row) => ({ ...row, rate: trimRate(String(row.rate)) }));
}

/** Locks the rows of the rates table for a change (every rate is written in one transaction). */
export async function lockFxRates(db: Kysely<Database>): Promise<FxRateRecord[]> {
  await db.selectFrom('fx_rates').select('currency').forUpdate().execute();
  return listFxRates(db);
}

export async function replaceFxRates(
  db: Kysely<Database>,
  rates: Array<{ currency: string; rate: string; version: number }>,
  by: string,
  at: Date,
): Promise<void> {
  await db.deleteFrom('fx_rates').execute();
  if (rates.length === 0) return;
  await db
    .insertInto('fx_rates')
    .values(rates.map((rate) => ({ ...rate, updated_by: by, updated_at: at })))
    .execute();
}

export interface QuotaRecord {
  ownerId: string;
  periodKind: ForecastPeriodKind;
  periodStart: DateString;
  amountMinor: number;
  updatedBy: string;
  updatedAt: Date;
  version: number;
}

export async function listQuotas(
  db: Kysely<Database>,
  kind: ForecastPeriodKind,
  from: DateString,
  to: DateString,
): Promise<QuotaRecord[]> {
  return db
    .selectFrom('quotas')
    .select([
      'owner_id as ownerId',
      'period_kind as periodKind',
      'period_start as periodStart',
      'amount_minor as amountMinor',
      'updated_by as updatedBy',
      'updated_at as updatedAt',
      'version',
    ])
    .where('period_kind', '=', kind)
    .where('period_start', '>=', from)
    .where('period_start', '<=', to)
    .orderBy('period_start')
    .orderBy('owner_id')
    .execute();
}

/** Sets one owner's quota for one period (a new row, or the next version of the one there). */
export async function upsertQuota(
  db: Kysely<Database>,
  quota: Omit<QuotaRecord, 'version' | 'updatedAt' | 'updatedBy'>,
  by: string,
  at: Date,
): Promise<{ before: number | null; version: number }> {
  const existing = await db
    .selectFrom('quotas')
    .select(['amount_minor', 'version'])
    .where('owner_id', '=', quota.ownerId)
    .where('period_kind', '=', quota.periodKind)
    .where('period_start', '=', quota.periodStart)
    .forUpdate()
    .executeTakeFirst();
  const version = (existing?.version ?? 0) + 1;
  await db
    .insertInto('quotas')
    .values({
      owner_id: quota.ownerId,
      period_kind: quota.periodKind,
      period_start: quota.periodStart,
      amount_minor: quota.amountMinor,
      updated_by: by,
      updated_at: at,
      version,
    })
    .onConflict((oc) =>
      oc.columns(['owner_id', 'period_kind', 'period_start']).doUpdateSet({
        amount_minor: quota.amountMinor,
        updated_by: by,
        updated_at: at,
        version,
      }),
    )
    .execute();
  return { before: existing?.amount_minor ?? null, version };
}
