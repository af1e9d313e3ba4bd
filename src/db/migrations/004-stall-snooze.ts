import { type Kysely, sql } from 'kysely';

/** A stall with a known reason can be snoozed until a date: velocity does not call it At Risk meanwhile. */
const statements: readonly string[] = [
  'alter table opportunities add column stall_snoozed_until date',
  'alter table opportunities add column stall_snooze_reason text',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
