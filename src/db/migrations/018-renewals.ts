import { type Kysely, sql } from 'kysely';

/**
 * Renewals (issue 14): an account's CSM (who owns its renewal deals), the contract a renewal deal renews —
 * at most one deal per contract, which the unique partial index holds when two runs race — and a contract's
 * end before term (day and reason) as Finance records it.
 */
const statements: readonly string[] = [
  `alter table accounts add column csm_id text references users(id)`,
  `alter table opportunities add column renews_contract_id text references contracts(id)`,
  `create unique index opportunities_renews_contract_idx on opportunities (renews_contract_id)
    where renews_contract_id is not null`,
  `alter table contracts add column ended_on date`,
  `alter table contracts add column ended_reason text`,
  `alter table contracts add column updated_at timestamptz`,
  `alter table contracts add constraint contracts_ended_check
    check ((ended_on is null) = (ended_reason is null) and (ended_on is null or ended_on >= start_date))`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
