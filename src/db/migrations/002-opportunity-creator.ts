import { type Kysely, sql } from 'kysely';

/** Who created a deal (an SDR creates deals that AEs own), and the user indexes authorization filters on. */
const statements: readonly string[] = [
  'alter table opportunities add column created_by text',
  'create index opportunities_created_by_idx on opportunities (created_by)',
  'create index users_region_idx on users (region)',
  'create index users_manager_idx on users (manager_id)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
