import { type Kysely, sql } from 'kysely';

/**
 * The playbook's versions: every distinct playbook the server has run, numbered from 1, with its content hash
 * (SHA-256 of its canonical JSON, so a reformatted file is not a new version), the playbook itself, who loaded
 * it and when, and the mapping of old keys to new ones that was applied to the records when it was loaded.
 * The latest number is the version in force.
 */
const statements: readonly string[] = [
  `create table playbook_versions (
    id text primary key,
    number integer not null unique check (number > 0),
    playbook_id text not null,
    content_hash text not null,
    playbook jsonb not null,
    mappings jsonb,
    summary jsonb not null default '{}'::jsonb,
    loaded_at timestamptz not null,
    loaded_by text not null
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
