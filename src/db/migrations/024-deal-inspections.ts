import { type Kysely, sql } from 'kysely';

/**
 * Stored inspection (issue 15, decision 024): one row per open deal with its health, velocity, MEDDPICC score and
 * at-risk flag, written by the use case that changed the deal (same transaction) and by the refresh job for the
 * passing of time. Lists sort and filter on its indexes instead of judging every deal per request.
 *
 * The deal's columns that lists filter by and visibility reads (owner, creator, forecast category, pipeline,
 * amount, currency, close date) are copied under the same names and kept by a trigger, so bulk moves (territory
 * reassignment, playbook key moves, imports) stay right without knowing this table; a deal that closes loses its
 * row in the same statement. `pipeline_expectations` keeps each pipeline's expected stage durations (the
 * playbook's or the medians of recently closed deals), so a write never reads hundreds of closed histories.
 */
const statements: readonly string[] = [
  `create table deal_inspections (
    opportunity_id text primary key references opportunities(id),
    owner_id text not null,
    created_by text,
    pipeline text not null,
    forecast_category text not null,
    amount_minor bigint not null,
    currency text not null,
    close_date date not null,
    health_score smallint not null,
    health_band text not null,
    indicator_mask integer not null,
    velocity_class text not null,
    velocity_rank integer not null,
    days_in_stage integer not null,
    expected_days double precision,
    meddpicc_score smallint not null,
    at_risk boolean not null,
    detail jsonb not null,
    computed_at timestamptz not null,
    playbook_version integer not null
  )`,
  `create index deal_inspections_risk_health on deal_inspections (health_score, opportunity_id) where at_risk`,
  `create index deal_inspections_risk_velocity on deal_inspections (velocity_rank, opportunity_id) where at_risk`,
  `create index deal_inspections_risk_amount on deal_inspections (amount_minor desc, opportunity_id) where at_risk`,
  `create index deal_inspections_risk_close on deal_inspections (close_date, opportunity_id) where at_risk`,
  `create index deal_inspections_risk_owner on deal_inspections (owner_id, health_score, opportunity_id)
    include (currency, amount_minor) where at_risk`,
  `create index deal_inspections_created_by on deal_inspections (created_by) where at_risk`,
  `create index deal_inspections_board_health on deal_inspections (pipeline, health_score, opportunity_id)`,
  `create index deal_inspections_board_velocity on deal_inspections (pipeline, velocity_rank, opportunity_id)`,
  `create index deal_inspections_computed on deal_inspections (computed_at, opportunity_id)`,
  `create function deal_inspections_follow_deal() returns trigger language plpgsql as $$
  begin
    if new.closed_at is not null then
      delete from deal_inspections where opportunity_id = new.id;
    else
      update deal_inspections set owner_id = new.owner_id, created_by = new.created_by, pipeline = new.pipeline,
        forecast_category = new.forecast_category, amount_minor = new.amount_minor, currency = new.currency,
        close_date = new.close_date
      where opportunity_id = new.id;
    end if;
    return null;
  end;
  $$`,
  `create trigger deal_inspections_follow_deal after update of owner_id, created_by, pipeline, forecast_category,
    amount_minor, currency, close_date, closed_at on opportunities
    for each row execute function deal_inspections_follow_deal()`,
  `create table pipeline_expectations (
    pipeline text primary key,
    source text not null,
    closed_deals integer not null,
    days jsonb not null,
    computed_at timestamptz not null,
    playbook_version integer not null
  )`,
  `alter table playbook_versions add column inspections_complete_at timestamptz`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
