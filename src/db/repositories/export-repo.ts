import type { Kysely } from 'kysely';
import type { Visibility } from '../../domain/access/record-access.js';
import type { Database } from '../schema.js';
import { visibleTo } from './visibility-filter.js';

/** Rows per page read from the database while an export streams. */
const PAGE = 1000;

/** Pages of a keyset scan by id: the export never holds more than a page. */
async function* pages<T extends { id: string | number }>(read: (after: T['id'] | null) => Promise<T[]>) {
  let after: T['id'] | null = null;
  for (;;) {
    const rows = await read(after);
    if (rows.length === 0) return;
    yield* rows;
    if (rows.length < PAGE) return;
    after = (rows.at(-1) as T).id;
  }
}

/** The accounts the caller may read, with their owner's e-mail, by id. */
export function exportAccounts(db: Kysely<Database>, visibility: Visibility) {
  return pages((after: string | null) => {
    let query = db
      .selectFrom('accounts')
      .leftJoin('users', 'users.id', 'accounts.owner_id')
      .select([
        'accounts.id',
        'accounts.name',
        'accounts.domain',
        'accounts.segment',
        'accounts.industry',
        'accounts.country',
        'accounts.subdivision',
        'accounts.city',
        'accounts.postal_code',
        'users.email as owner_email',
        'accounts.external_source',
        'accounts.external_id',
        'accounts.created_at',
        'accounts.updated_at',
      ])
      .where(visibleTo('accounts', visibility));
    if (after !== null) query = query.where('accounts.id', '>', after);
    return query.orderBy('accounts.id').limit(PAGE).execute();
  });
}

/** The deals the caller may read, with account name and owner e-mail, by id. */
export function exportOpportunities(db: Kysely<Database>, visibility: Visibility) {
  return pages((after: string | null) => {
    let query = db
      .selectFrom('opportunities')
      .innerJoin('accounts', 'accounts.id', 'opportunities.account_id')
      .innerJoin('users', 'users.id', 'opportunities.owner_id')
      .select([
        'opportunities.id',
        'opportunities.name',
        'opportunities.account_id',
        'accounts.name as account_name',
        'opportunities.type',
        'opportunities.pipeline',
        'opportunities.stage',
        'opportunities.probability',
        'opportunities.forecast_category',
        'opportunities.amount_minor',
        'opportunities.currency',
        'opportunities.close_date',
        'users.email as owner_email',
        'opportunities.source',
        'opportunities.next_step',
        'opportunities.loss_reason',
        'opportunities.external_source',
        'opportunities.external_id',
        'opportunities.created_at',
        'opportunities.updated_at',
      ])
      .where(visibleTo('opportunities', visibility));
    if (after !== null) query = query.where('opportunities.id', '>', after);
    return query.orderBy('opportunities.id').limit(PAGE).execute();
  });
}

/** The stage history of the deals the caller may read, in order. */
export function exportStageHistory(db: Kysely<Database>, visibility: Visibility) {
  return pages((after: number | null) => {
    let query = db
      .selectFrom('opportunity_stage_changes as changes')
      .innerJoin('opportunities', 'opportunities.id', 'changes.opportunity_id')
      .select([
        'changes.id',
        'changes.opportunity_id',
        'opportunities.name as opportunity_name',
        'changes.from_stage',
        'changes.to_stage',
        'changes.kind',
        'changes.overridden',
        'changes.changed_by',
        'changes.changed_at',
      ])
      .where(visibleTo('opportunities', visibility));
    if (after !== null) query = query.where('changes.id', '>', after);
    return query.orderBy('changes.id').limit(PAGE).execute();
  });
}
