import type { Kysely } from 'kysely';
import type { StageChangeFact, StageChangeKind } from '../../domain/inspection/stage-intervals.js';
import type { MeddpiccLevel } from '../../domain/playbook/playbook.js';
import type { MeddpiccState } from '../../domain/qualification/meddpicc.js';
import type { Database } from '../schema.js';

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

/** Per account: self-serve usage, and whether it won a deal since `since` (the commit-contract signal). */
export async function listCustomerSignals(
  db: Kysely<Database>,
  accountIds: readonly string[],
  since: Date,
): Promise<Map<string, { selfServeUsage: boolean; hasActiveCommitContract: boolean }>> {
  const signals = new Map<string, { selfServeUsage: boolean; hasActiveCommitContract: boolean }>();
  if (accountIds.length === 0) return signals;
  const rows = await db
    .selectFrom('accounts')
    .select((eb) => [
      'accounts.id',
      'accounts.self_serve_usage',
      eb
        .exists(
          eb
            .selectFrom('opportunities')
            .select('opportunities.id')
            .whereRef('opportunities.account_id', '=', 'accounts.id')
            .where('opportunities.stage', '=', 'closed_won')
            .where('opportunities.closed_at', '>=', since),
        )
        .as('won'),
    ])
    .where('accounts.id', 'in', [...accountIds])
    .execute();
  for (const row of rows) {
    signals.set(row.id, { selfServeUsage: row.self_serve_usage, hasActiveCommitContract: Boolean(row.won) });
  }
  return signals;
}
