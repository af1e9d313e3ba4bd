import { type Kysely, sql } from 'kysely';

/**
 * The closing integrations (decision 016): vendor events received (DocuSign Connect, AWS Marketplace through
 * EventBridge), each fact once; the buyer's AWS account on the account; the contacts who sign (DocuSign) and
 * who accept the private offer (AWS admin).
 *
 * `inbound_events` is unique on (source, dedup_key): concurrent duplicates and replays insert nothing
 * (`on conflict do nothing`). No foreign key to offers: an event naming an unknown offer version is kept as
 * received and matched (or not) when processed; `occurred_at` is the vendor's own time, the processing order.
 */
const statements: readonly string[] = [
  `create table inbound_events (
    id text primary key,
    source text not null check (source in ('docusign', 'aws_marketplace')),
    dedup_key text not null check (length(dedup_key) between 1 and 512),
    event_type text not null,
    occurred_at timestamptz not null,
    external_id text not null,
    offer_id text,
    offer_version integer check (offer_version > 0),
    payload jsonb not null,
    received_at timestamptz not null,
    processed_at timestamptz,
    check ((offer_id is null) = (offer_version is null))
  )`,
  `create unique index inbound_events_dedup_idx on inbound_events (source, dedup_key)`,
  `create index inbound_events_subject_idx on inbound_events (source, external_id, occurred_at)`,
  `create index inbound_events_offer_idx on inbound_events (offer_id, offer_version) where offer_id is not null`,
  `create index inbound_events_unprocessed_idx on inbound_events (received_at) where processed_at is null`,
  `alter table accounts add column aws_account_id text check (aws_account_id ~ '^[0-9]{12}$')`,
  `alter table contacts add column docusign_signer boolean not null default false`,
  `alter table contacts add column aws_admin boolean not null default false`,
  `alter table contacts add constraint contacts_signer_is_not_aws_admin check (not (docusign_signer and aws_admin))`,
  `create unique index contacts_one_signer_idx on contacts (account_id) where docusign_signer`,
  `create unique index contacts_one_aws_admin_idx on contacts (account_id) where aws_admin`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
