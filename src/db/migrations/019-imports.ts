import { type Kysely, sql } from 'kysely';

/**
 * Data in (issue 14): records brought from another system keep its id (`external_source` + `external_id`,
 * unique where set, so a re-import updates instead of duplicating); every import is an `import_runs` row with
 * its counts, progress (rows done of total) and the first errors by line; imported deals' history rows have
 * the kind `imported` (they entered their stage by the import, with the gate snapshot of what was missing).
 */
const statements: readonly string[] = [
  `alter table accounts add column external_source text`,
  `alter table accounts add column external_id text`,
  `alter table accounts add constraint accounts_external_pair check ((external_source is null) = (external_id is null))`,
  `create unique index accounts_external_idx on accounts (external_source, external_id) where external_id is not null`,
  `alter table opportunities add column external_source text`,
  `alter table opportunities add column external_id text`,
  `alter table opportunities add constraint opportunities_external_pair check ((external_source is null) = (external_id is null))`,
  `create unique index opportunities_external_idx on opportunities (external_source, external_id) where external_id is not null`,
  `alter table opportunity_stage_changes drop constraint opportunity_stage_changes_kind_check`,
  `alter table opportunity_stage_changes add constraint opportunity_stage_changes_kind_check
    check (kind in ('create','advance','regress','close_won','close_lost','reopen','imported'))`,
  `create table import_runs (
    id text primary key,
    kind text not null,
    source text not null,
    mode text not null check (mode in ('dry_run','all_or_nothing','good_rows_only')),
    status text not null check (status in ('queued','running','succeeded','failed')),
    rows_total integer not null default 0 check (rows_total >= 0),
    rows_done integer not null default 0 check (rows_done >= 0),
    created_count integer not null default 0,
    updated_count integer not null default 0,
    rejected_count integer not null default 0,
    error_count integer not null default 0,
    errors jsonb not null default '[]' check (jsonb_typeof(errors) = 'array'),
    started_at timestamptz not null,
    finished_at timestamptz,
    by_user text not null
  )`,
  `create index import_runs_started_idx on import_runs (started_at desc, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
