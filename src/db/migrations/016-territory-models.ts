import { type Kysely, sql } from 'kysely';

/**
 * The territory model's versions (issue 13): a draft is edited (its `row_version` guards each edit), then
 * activated — at most one version is active (a partial unique index) — and the one it replaces is archived.
 * The model is jsonb (written and read whole, never queried field by field); `source` keeps the imported file's
 * text. created_by / activated_by are actor ids (a user, or `system:…` for the CLI and seed). Accounts gain the county metro rules may match and `owner_pinned`: created with an explicit owner other
 * than the routed AE, so an activation keeps their owner.
 */
const statements: readonly string[] = [
  `create table territory_models (
    id text primary key,
    version integer not null unique check (version > 0),
    name text not null,
    status text not null check (status in ('draft','active','archived')),
    model jsonb not null check (jsonb_typeof(model) = 'object'),
    source text,
    created_by text not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    activated_at timestamptz,
    activated_by text,
    archived_at timestamptz,
    row_version integer not null default 1
  )`,
  `create unique index territory_models_one_active_idx on territory_models ((true)) where status = 'active'`,
  `alter table accounts add column county text`,
  `alter table accounts add column owner_pinned boolean not null default false`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
