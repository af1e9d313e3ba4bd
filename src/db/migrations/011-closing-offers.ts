import { type Kysely, sql } from 'kysely';

/**
 * Offers on deals, their versions and the approval decisions on each version (decision 013).
 *
 * A version's pricing options are jsonb on the version row, not rows of their own: they are written once with
 * the version, never change after it (a trigger refuses it once submitted), are always read with it and never
 * queried one by one; what lists filter by (status, the role awaited) are columns. The chain resolved at
 * submission is jsonb for the same reasons. Decisions are rows (who, which step, when): append-only, the
 * approvals inbox and the audit read them.
 */
const statements: readonly string[] = [
  `create table offers (
    id text primary key,
    opportunity_id text not null references opportunities(id),
    created_by text not null references users(id),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version integer not null default 1 check (version > 0)
  )`,
  `create index offers_opportunity_idx on offers (opportunity_id, created_at, id)`,
  `create table offer_versions (
    offer_id text not null references offers(id),
    number integer not null check (number > 0),
    status text not null check (status in ('draft', 'in_approval', 'approved', 'presented', 'option_chosen',
      'quoted', 'sent_for_signature', 'signed', 'rejected', 'superseded')),
    aws_offer_status text not null default 'none' check (aws_offer_status in ('none', 'created', 'released', 'accepted')),
    currency char(3) not null,
    valid_until date not null,
    notes text,
    options jsonb not null check (jsonb_typeof(options) = 'array' and jsonb_array_length(options) > 0),
    based_on integer,
    origin text not null check (origin in ('drafted', 'revised', 'rejected')),
    created_by text not null references users(id),
    created_at timestamptz not null,
    chain jsonb,
    submitted_by text references users(id),
    submitted_at timestamptz,
    awaiting_role text,
    presented_by text references users(id),
    presented_at timestamptz,
    chosen_option text,
    chosen_contact_id text references contacts(id),
    chosen_confirmed_at timestamptz,
    chosen_recorded_by text references users(id),
    chosen_recorded_at timestamptz,
    primary key (offer_id, number),
    foreign key (offer_id, based_on) references offer_versions(offer_id, number),
    check (status <> 'draft' or chain is null),
    check (status in ('draft', 'superseded') or chain is not null),
    check ((status = 'in_approval') = (awaiting_role is not null))
  )`,
  `create index offer_versions_awaiting_idx on offer_versions (awaiting_role) where status = 'in_approval'`,
  `create function offer_terms_are_immutable() returns trigger language plpgsql as $$
  begin
    if old.status <> 'draft' and (new.options is distinct from old.options or new.currency is distinct from old.currency
        or new.valid_until is distinct from old.valid_until or new.notes is distinct from old.notes
        or new.created_by is distinct from old.created_by) then
      raise exception 'offer version %/% is submitted: its terms are immutable', old.offer_id, old.number;
    end if;
    return new;
  end;
  $$`,
  `create trigger offer_versions_terms_immutable before update on offer_versions
    for each row execute function offer_terms_are_immutable()`,
  `create table offer_approvals (
    offer_id text not null,
    version_number integer not null,
    step_index integer not null check (step_index >= 0),
    step_key text not null,
    decision text not null check (decision in ('approved', 'rejected')),
    decided_by text not null references users(id),
    decided_role text not null,
    decided_at timestamptz not null,
    comment text,
    primary key (offer_id, version_number, step_index),
    unique (offer_id, version_number, decided_by),
    foreign key (offer_id, version_number) references offer_versions(offer_id, number),
    check (decision = 'approved' or comment is not null)
  )`,
  `create index offer_approvals_decider_idx on offer_approvals (decided_by, decided_at)`,
  `create function offer_approvals_are_append_only() returns trigger language plpgsql as $$
  begin
    raise exception 'offer approvals are append-only (% refused)', tg_op;
  end;
  $$`,
  `create trigger offer_approvals_append_only before update or delete on offer_approvals
    for each row execute function offer_approvals_are_append_only()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}
