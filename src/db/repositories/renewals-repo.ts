import { type Kysely, sql } from 'kysely';
import type { Contract } from '../../domain/contract/contract.js';
import type { RenewalAccount } from '../../domain/contract/renewals-due.js';
import type { Database } from '../schema.js';
import { toContract } from './contracts-repo.js';

export interface DueContract {
  contract: Contract;
  account: RenewalAccount;
}

/**
 * Commit contracts not ended early, ending between `today` and `horizon` (both inclusive), that no deal
 * renews yet and whose account has no open deal of a `renewingTypes` type opened by hand (someone is on it
 * already) — with their account's name, owner and active CSM. Oldest end first.
 */
export async function listContractsDueForRenewal(
  db: Kysely<Database>,
  today: string,
  horizon: string,
  renewingTypes: readonly string[],
): Promise<DueContract[]> {
  let query = db
    .selectFrom('contracts as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .leftJoin('users as csm', (join) => join.onRef('csm.id', '=', 'a.csm_id').on('csm.active', '=', true))
    .selectAll('c')
    .select(['a.name as account_name', 'a.owner_id as account_owner_id', 'csm.id as active_csm_id'])
    .where('c.kind', '=', 'commit')
    .where('c.ended_on', 'is', null)
    .where('c.end_date', '>=', today)
    .where('c.end_date', '<=', horizon)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('opportunities as o')
            .select(sql`1`.as('one'))
            .whereRef('o.renews_contract_id', '=', 'c.id'),
        ),
      ),
    )
    .orderBy('c.end_date')
    .orderBy('c.id');
  if (renewingTypes.length > 0) {
    query = query.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('opportunities as open')
            .select(sql`1`.as('one'))
            .whereRef('open.account_id', '=', 'c.account_id')
            .where('open.type', 'in', [...renewingTypes])
            .where('open.closed_at', 'is', null)
            .where('open.renews_contract_id', 'is', null),
        ),
      ),
    );
  }
  const rows = await query.execute();
  return rows.map((row) => ({
    contract: toContract(row),
    account: {
      id: row.account_id,
      name: row.account_name,
      ownerId: row.account_owner_id,
      csmId: row.active_csm_id,
    },
  }));
}

/**
 * Locks the contract a deal is about to renew and answers whether a deal renews it already: a second run
 * waits here until the first commits, then sees its deal (the unique index is the last word).
 */
export async function lockContractForRenewal(
  trx: Kysely<Database>,
  contractId: string,
): Promise<{ exists: boolean; renewedBy: string | null }> {
  const contract = await trx
    .selectFrom('contracts')
    .select('id')
    .where('id', '=', contractId)
    .forUpdate()
    .executeTakeFirst();
  if (!contract) return { exists: false, renewedBy: null };
  const renewal = await trx
    .selectFrom('opportunities')
    .select('id')
    .where('renews_contract_id', '=', contractId)
    .executeTakeFirst();
  return { exists: true, renewedBy: renewal?.id ?? null };
}

/** Marks a just-created deal as the renewal of `contractId` (the unique index refuses a second one). */
export async function linkRenewal(
  trx: Kysely<Database>,
  opportunityId: string,
  contractId: string,
): Promise<void> {
  await trx
    .updateTable('opportunities')
    .set({ renews_contract_id: contractId })
    .where('id', '=', opportunityId)
    .execute();
}

/** The contract a deal renews (the renewals run's link), if it renews one. */
export async function findRenewedContract(
  db: Kysely<Database>,
  opportunityId: string,
): Promise<Contract | undefined> {
  const row = await db
    .selectFrom('contracts as c')
    .innerJoin('opportunities as o', 'o.renews_contract_id', 'c.id')
    .selectAll('c')
    .where('o.id', '=', opportunityId)
    .executeTakeFirst();
  return row && toContract(row);
}
