import { type Kysely, sql } from 'kysely';

/**
 * The forecast (issue 14): the admins' rates to the company currency (numeric text, exact; `version` guards each
 * edit), quotas per owner and period (company-currency minor units), and the forecast calls — AEs' submissions
 * and RVPs' adjustments — which are history: a trigger refuses UPDATE and DELETE, like the events'.
 */
const statements: readonly string[] = [
  `create table fx_rates (
    currency text primary key check (currency ~ '^[A-Z]{3}$'),
    rate numeric(21, 12) not null check (rate > 0),
    updated_by text not null,
    updated_at timestamptz not null,
    version integer not null default 1
  )`,
  `create table quotas (
    owner_id text not null references users(id),
    period_kind text not null check (period_kind in ('month','quarter','fiscal_year')),
    period_start date not null,
    amount_minor bigint not null check (amount_minor >= 0),
    updated_by text not null,
    updated_at timestamptz not null,
    version integer not null default 1,
    primary key (owner_id, period_kind, period_start)
  )`,
  `create index quotas_period_idx on quotas (period_kind, period_start)`,
  `create table forecast_calls (
    id text primary key,
    period_kind text not null check (period_kind in ('month','quarter','fiscal_year')),
    period_start date not null,
    owner_id text not null references users(id),
    kind text not null check (kind in ('submission','adjustment')),
    commit_minor bigint not null check (commit_minor >= 0),
    best_case_minor bigint not null check (best_case_minor >= 0),
    note text,
    by_user text not null,
    at timestamptz not null,
    adjusts_id text references forecast_calls(id),
    seq bigint generated always as identity unique,
    check (kind = 'submission' or (note is not null and length(note) > 0))
  )`,
  `create index forecast_calls_period_idx on forecast_calls (period_kind, period_start, owner_id, seq)`,
  `create function forecast_calls_are_append_only() returns trigger language plpgsql as $$
  begin
    raise exception 'forecast calls are append-only (% refused)', tg_op;
  end $$`,
  `create trigger forecast_calls_append_only before update or delete on forecast_calls
    for each row execute function forecast_calls_are_append_only()`,
  `create index opportunities_forecast_idx on opportunities (close_date, owner_id, forecast_category)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
