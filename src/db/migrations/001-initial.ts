import { type Kysely, sql } from 'kysely';

/**
 * The first schema. SQL that PostgreSQL 15 (Debian's server) and PGlite (PostgreSQL 17+) both run.
 * Money is integer minor units + ISO currency; time is timestamptz (UTC); dates are `date`.
 * One statement per entry: PGlite's extended-protocol `query` runs a single statement at a time.
 */
const statements: readonly string[] = [
  `create table users (
    id text primary key,
    email text not null unique,
    name text not null,
    role text not null check (role in ('ae','sdr','se','csm','rvp','vp_finance','revops_admin','viewer')),
    region text,
    manager_id text references users(id),
    active boolean not null default true,
    created_at timestamptz not null
  )`,
  `create table accounts (
    id text primary key,
    name text not null,
    domain text,
    segment text not null check (segment in ('enterprise','mid_market','smb')),
    industry text,
    country char(2) not null,
    subdivision text,
    city text,
    postal_code text,
    owner_id text references users(id),
    self_serve_usage boolean not null default false,
    version integer not null default 1,
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  `create index accounts_name_idx on accounts (lower(name), id)`,
  `create index accounts_country_idx on accounts (country, subdivision)`,
  `create table contacts (
    id text primary key,
    account_id text not null references accounts(id),
    name text not null,
    email text,
    title text,
    phone text,
    version integer not null default 1,
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  `create index contacts_account_idx on contacts (account_id, id)`,
  `create table opportunities (
    id text primary key,
    account_id text not null references accounts(id),
    name text not null,
    type text not null,
    pipeline text not null,
    stage text not null,
    probability smallint not null check (probability between 0 and 100),
    forecast_category text not null,
    amount_minor bigint not null check (amount_minor >= 0),
    currency char(3) not null,
    close_date date not null,
    owner_id text not null references users(id),
    source text not null,
    next_step text,
    description text,
    loss_reason text,
    winning_competitor text,
    stage_entered_at timestamptz not null,
    closed_at timestamptz,
    version integer not null default 1,
    created_at timestamptz not null,
    updated_at timestamptz not null
  )`,
  `create index opportunities_close_date_idx on opportunities (close_date, id)`,
  `create index opportunities_owner_idx on opportunities (owner_id, close_date, id)`,
  `create index opportunities_pipeline_stage_idx on opportunities (pipeline, stage, close_date, id)`,
  `create index opportunities_account_idx on opportunities (account_id)`,
  `create table opportunity_meddpicc (
    opportunity_id text not null references opportunities(id),
    element text not null,
    level text not null check (level in ('unknown','identified','validated')),
    summary text,
    contact_id text references contacts(id),
    updated_by text not null,
    updated_at timestamptz not null,
    primary key (opportunity_id, element)
  )`,
  `create table opportunity_attestations (
    opportunity_id text not null references opportunities(id),
    criterion text not null,
    attested_by text not null,
    attested_at timestamptz not null,
    note text,
    evidence_url text,
    primary key (opportunity_id, criterion)
  )`,
  `create table opportunity_stage_changes (
    id bigint generated always as identity primary key,
    opportunity_id text not null references opportunities(id),
    from_stage text,
    to_stage text not null,
    kind text not null check (kind in ('create','advance','regress','close_won','close_lost','reopen')),
    overridden boolean not null default false,
    changed_by text not null,
    changed_at timestamptz not null
  )`,
  `create index opportunity_stage_changes_opp_idx on opportunity_stage_changes (opportunity_id, id)`,
  `create table events (
    id bigint generated always as identity primary key,
    occurred_at timestamptz not null,
    actor_id text not null,
    request_id text,
    entity_type text not null,
    entity_id text not null,
    opportunity_id text,
    action text not null,
    before jsonb,
    after jsonb,
    gate jsonb
  )`,
  `create index events_entity_idx on events (entity_type, entity_id, id)`,
  `create index events_opportunity_idx on events (opportunity_id, id)`,
  `create function events_are_append_only() returns trigger language plpgsql as $$
  begin
    raise exception 'events are append-only (% refused)', tg_op;
  end;
  $$`,
  `create trigger events_append_only before update or delete on events
    for each row execute function events_are_append_only()`,
  `create table outbox (
    id bigint generated always as identity primary key,
    event_id bigint not null references events(id),
    topic text not null,
    payload jsonb not null,
    created_at timestamptz not null,
    delivered_at timestamptz
  )`,
  `create index outbox_pending_idx on outbox (id) where delivered_at is null`,
  `create table idempotency_keys (
    scope text not null,
    key text not null,
    request_hash text not null,
    status integer not null,
    response jsonb not null,
    created_at timestamptz not null,
    primary key (scope, key)
  )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
