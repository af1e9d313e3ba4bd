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

type QuotaKey = Pick<QuotaRecord, 'ownerId' | 'periodKind' | 'periodStart'>;
const keyOf = (quota: QuotaKey) => `${quota.ownerId}/${quota.periodKind}/${quota.periodStart}`;

/**
 * Sets many quotas in one statement (new ones inserted, existing ones replaced with the next version), the
 * existing rows locked and read first. Answers each quota's amount before (null: new) and its new version.
 */
export async function upsertQuotas(
  db: Kysely<Database>,
  quotas: ReadonlyArray<Omit<QuotaRecord, 'version' | 'updatedAt' | 'updatedBy'>>,
  by: string,
  at: Date,
): Promise<Array<{ before: number | null; version: number }>> {
  if (quotas.length === 0) return [];
  const existing = await db
    .selectFrom('quotas')
    .select(['owner_id', 'period_kind', 'period_start', 'amount_minor', 'version'])
    .where('owner_id', 'in', [...new Set(quotas.map((quota) => quota.ownerId))])
    .where('period_start', 'in', [...new Set(quotas.map((quota) => quota.periodStart))])
    .forUpdate()
    .execute();
  const before = new Map(
    existing.map((row) => [
      keyOf({ ownerId: row.owner_id, periodKind: row.period_kind, periodStart: row.period_start }),
      row,
    ]),
  );
  const written = quotas.map((quota) => {
    const old = before.get(keyOf(quota));
    return { quota, before: old?.amount_minor ?? null, version: (old?.version ?? 0) + 1 };
  });
  await db
    .insertInto('quotas')
    .values(
      written.map(({ quota, version }) => ({
        owner_id: quota.ownerId,
        period_kind: quota.periodKind,
        period_start: quota.periodStart,
        amount_minor: quota.amountMinor,
        updated_by: by,
        updated_at: at,
        version,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['owner_id', 'period_kind', 'period_start']).doUpdateSet((eb) => ({
        amount_minor: eb.ref('excluded.amount_minor'),
        updated_by: eb.ref('excluded.updated_by'),
        updated_at: eb.ref('excluded.updated_at'),
        version: eb.ref('excluded.version'),
      })),
    )
    .execute();
  return written.map(({ before: amount, version }) => ({ before: amount, version }));
}
