import { type Kysely, sql } from 'kysely';

/**
 * Outbound webhooks (decision 015): subscriptions (URL, event types, the signing secret), one delivery per
 * outbox message × subscription (its `id` is the Standard Webhooks `webhook-id`, the same on every retry),
 * and every attempt. `outbox.delivered_at` now means "fanned out into deliveries": the fan-out claims rows
 * where it is null with FOR UPDATE SKIP LOCKED and sets it in the same transaction, so each outbox message
 * fans out once however many processes run (ids alone would skip a row whose transaction commits late).
 */
const statements: readonly string[] = [
  `create table webhook_subscriptions (
    id text primary key,
    url text not null check (length(url) <= 2000),
    description text,
    event_types jsonb not null check (jsonb_typeof(event_types) = 'array' and jsonb_array_length(event_types) > 0),
    secret text not null,
    previous_secret text,
    previous_secret_until timestamptz,
    active boolean not null default true,
    disabled_reason text,
    created_by text not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version integer not null default 1 check (version > 0)
  )`,
  `create index webhook_subscriptions_list_idx on webhook_subscriptions (created_at, id)`,
  `create table webhook_deliveries (
    id text primary key,
    subscription_id text not null references webhook_subscriptions(id),
    outbox_id bigint not null references outbox(id),
    event_type text not null,
    payload jsonb not null,
    status text not null check (status in ('pending', 'delivered', 'dead')),
    attempt_count integer not null default 0,
    budget_start integer not null default 0,
    next_attempt_at timestamptz not null,
    lease_until timestamptz,
    last_status integer,
    last_error text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    delivered_at timestamptz,
    unique (outbox_id, subscription_id)
  )`,
  `create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending'`,
  `create index webhook_deliveries_list_idx on webhook_deliveries (created_at desc, id desc)`,
  `create index webhook_deliveries_status_idx on webhook_deliveries (status, created_at desc, id desc)`,
  `create index webhook_deliveries_subscription_idx on webhook_deliveries (subscription_id, created_at desc, id desc)`,
  `create table webhook_attempts (
    id bigint generated always as identity primary key,
    delivery_id text not null references webhook_deliveries(id),
    attempt integer not null,
    started_at timestamptz not null,
    duration_ms integer not null,
    http_status integer,
    error text,
    response_snippet text check (length(response_snippet) <= 1024)
  )`,
  `create index webhook_attempts_delivery_idx on webhook_attempts (delivery_id, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
