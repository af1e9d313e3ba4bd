import type { Kysely, Selectable } from 'kysely';
import type { Contract } from '../../domain/contract/contract.js';
import type { ContractsTable, Database } from '../schema.js';

export function toContract(row: Selectable<ContractsTable>): Contract {
  return {
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    startDate: row.start_date,
    endDate: row.end_date,
    tcvMinor: row.tcv_minor,
    currency: row.currency,
    opportunityId: row.opportunity_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    version: row.version,
    endedOn: row.ended_on,
    endedReason: row.ended_reason,
  };
}

export async function insertContract(db: Kysely<Database>, contract: Contract): Promise<void> {
  await db
    .insertInto('contracts')
    .values({
      id: contract.id,
      account_id: contract.accountId,
      kind: contract.kind,
      start_date: contract.startDate,
      end_date: contract.endDate,
      tcv_minor: contract.tcvMinor,
      currency: contract.currency,
      opportunity_id: contract.opportunityId,
      created_by: contract.createdBy,
      created_at: contract.createdAt,
      version: contract.version,
      ended_on: contract.endedOn,
      ended_reason: contract.endedReason,
    })
    .execute();
}

/** The contracts of one account, latest-ending first. */
export async function listContractsOfAccount(db: Kysely<Database>, accountId: string): Promise<Contract[]> {
  const rows = await db
    .selectFrom('contracts')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('end_date', 'desc')
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toContract);
}

/** The contract recorded from a won deal, if one was. */
export async function findContractOfOpportunity(
  db: Kysely<Database>,
  opportunityId: string,
): Promise<Contract | undefined> {
  const row = await db
    .selectFrom('contracts')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .executeTakeFirst();
  return row && toContract(row);
}

/** A contract, locked for a change (Finance correcting or ending it). */
export async function findContractForUpdate(db: Kysely<Database>, id: string): Promise<Contract | undefined> {
  const row = await db
    .selectFrom('contracts')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row && toContract(row);
}

/** Writes a contract's terms and ending back, at its new version. */
export async function saveContractTerms(db: Kysely<Database>, contract: Contract, at: Date): Promise<void> {
  await db
    .updateTable('contracts')
    .set({
      start_date: contract.startDate,
      end_date: contract.endDate,
      tcv_minor: contract.tcvMinor,
      ended_on: contract.endedOn,
      ended_reason: contract.endedReason,
      version: contract.version,
      updated_at: at,
    })
    .where('id', '=', contract.id)
    .execute();
}
