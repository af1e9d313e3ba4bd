import type { Kysely, Selectable } from 'kysely';
import type { CustomerRecord } from '../../domain/account/type-fit.js';
import type { StageChangeFact, StageChangeKind } from '../../domain/inspection/stage-intervals.js';
import type { MeddpiccLevel } from '../../domain/playbook/playbook.js';
import type { MeddpiccState } from '../../domain/qualification/meddpicc.js';
import type { ContractsTable, Database } from '../schema.js';
import { toContract } from './contracts-repo.js';

/** Stage histories of many deals, oldest first, grouped by deal. */
export async function listStageHistories(
  db: Kysely<Database>,
  opportunityIds: readonly string[],
): Promise<Map<string, StageChangeFact[]>> {
  const histories = new Map<string, StageChangeFact[]>();
  if (opportunityIds.length === 0) return histories;
  const rows = await db
    .selectFrom('opportunity_stage_changes')
    .select(['opportunity_id', 'to_stage', 'kind', 'changed_at'])
    .where('opportunity_id', 'in', [...opportunityIds])
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const history = histories.get(row.opportunity_id) ?? [];
    history.push({ toStage: row.to_stage, kind: row.kind as StageChangeKind, at: row.changed_at });
    histories.set(row.opportunity_id, history);
  }
  return histories;
}

/** Stage histories of the most recently closed deals of a pipeline (for expected durations). */
export async function listClosedHistories(
  db: Kysely<Database>,
  pipeline: string,
  limit: number,
): Promise<StageChangeFact[][]> {
  const closed = await db
    .selectFrom('opportunities')
    .select('id')
    .where('pipeline', '=', pipeline)
    .where('closed_at', 'is not', null)
    .orderBy('closed_at', 'desc')
    .limit(limit)
    .execute();
  return [
    ...(
      await listStageHistories(
        db,
        closed.map((row) => row.id),
      )
    ).values(),
  ];
}

/** MEDDPICC of many deals, grouped by deal. */
export async function listMeddpiccOfDeals(
  db: Kysely<Database>,
  opportunityIds: readonly string[],
): Promise<Map<string, MeddpiccState>> {
  const states = new Map<string, MeddpiccState>();
  if (opportunityIds.length === 0) return states;
  const rows = await db
    .selectFrom('opportunity_meddpicc')
    .select(['opportunity_id', 'element', 'level', 'summary', 'contact_id'])
    .where('opportunity_id', 'in', [...opportunityIds])
    .execute();
  for (const row of rows) {
    const state = states.get(row.opportunity_id) ?? {};
    state[row.element] = {
      level: row.level as MeddpiccLevel,
      summary: row.summary,
      contactId: row.contact_id,
    };
    states.set(row.opportunity_id, state);
  }
  return states;
}

export type { CustomerRecord } from '../../domain/account/type-fit.js';

/** Per account: self-serve usage and every recorded contract — one query for any number of accounts. */
export async function listCustomerRecords(
  db: Kysely<Database>,
  accountIds: readonly string[],
): Promise<Map<string, CustomerRecord>> {
  const records = new Map<string, CustomerRecord>();
  if (accountIds.length === 0) return records;
  const rows = await db
    .selectFrom('accounts')
    .leftJoin('contracts', 'contracts.account_id', 'accounts.id')
    .select([
      'accounts.id as accountId',
      'accounts.self_serve_usage',
      'contracts.id',
      'contracts.account_id',
      'contracts.kind',
      'contracts.start_date',
      'contracts.end_date',
      'contracts.tcv_minor',
      'contracts.currency',
      'contracts.opportunity_id',
      'contracts.created_by',
      'contracts.created_at',
      'contracts.version',
    ])
    .where('accounts.id', 'in', [...accountIds])
    .execute();
  for (const row of rows) {
    const record = records.get(row.accountId) ?? { selfServeUsage: row.self_serve_usage, contracts: [] };
    const { accountId: _account, self_serve_usage: _usage, ...contract } = row;
    const contracts =
      contract.id === null
        ? record.contracts
        : [...record.contracts, toContract(contract as Selectable<ContractsTable>)];
    records.set(row.accountId, { ...record, contracts });
  }
  return records;
}
